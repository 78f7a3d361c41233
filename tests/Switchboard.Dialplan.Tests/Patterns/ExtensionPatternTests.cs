using Switchboard.Dialplan.Patterns;

namespace Switchboard.Dialplan.Tests.Patterns;

/// <summary>Conformance with the Asterisk documentation page "Pattern Matching" (docs.asterisk.org, Configuration/Dialplan/Pattern-Matching).</summary>
public sealed class ExtensionPatternTests
{
    [Theory]
    [InlineData("Pattern Matching: X matches any single digit 0-9", "_X", "5", true)]
    [InlineData("Pattern Matching: X does not match a letter", "_X", "a", false)]
    [InlineData("Pattern Matching: Z matches 1-9, not 0", "_Z", "0", false)]
    [InlineData("Pattern Matching: Z matches 1-9", "_Z", "9", true)]
    [InlineData("Pattern Matching: N matches 2-9, not 1", "_N", "1", false)]
    [InlineData("Pattern Matching: N matches 2-9", "_N", "2", true)]
    [InlineData("Pattern Matching: x/z/n are accepted in lower case", "_xzn", "502", false)]
    [InlineData("Pattern Matching: x/z/n are accepted in lower case", "_xzn", "512", true)]
    [InlineData("Pattern Matching: [1237-9] matches listed digits and ranges", "_[1237-9]", "8", true)]
    [InlineData("Pattern Matching: [1237-9] does not match unlisted digits", "_[1237-9]", "5", false)]
    [InlineData("Pattern Matching: character sets may contain letters", "_[1-5a]", "a", true)]
    [InlineData("Pattern Matching: letter ranges [a-z]", "_[a-z]", "q", true)]
    [InlineData("Pattern Matching: '.' matches one or more characters (not zero)", "_1.", "1", false)]
    [InlineData("Pattern Matching: '.' matches one or more characters", "_1.", "12345", true)]
    [InlineData("Pattern Matching: '!' matches zero or more characters", "_1!", "1", true)]
    [InlineData("Pattern Matching: '!' matches zero or more characters", "_1!", "1234", true)]
    [InlineData("Pattern Matching: a pattern must match the whole dialled string", "_1XX", "1234", false)]
    [InlineData("Pattern Matching: a pattern must match the whole dialled string", "_1XX", "12", false)]
    [InlineData("Pattern Matching: literal extensions match exactly", "1234", "1234", true)]
    [InlineData("Pattern Matching: literal extensions match exactly", "1234", "123", false)]
    [InlineData("Pattern Matching: dashes are visual separators and ignored", "555-1212", "5551212", true)]
    [InlineData("Pattern Matching: dashes in a pattern are ignored", "_555-XXXX", "5551212", true)]
    [InlineData("Pattern Matching: don't use _. : it also matches h, i, t", "_.", "h", true)]
    [InlineData("Pattern Matching: _X. does not match the special extensions", "_X.", "h", false)]
    [InlineData("PrivateDial dp_lookup: national number 0 + non-zero digit, 9+ digits", "_0ZXXXXXX.", "0701234567", true)]
    [InlineData("PrivateDial dp_lookup: 00 prefix is not national", "_0ZXXXXXX.", "0046701234", false)]
    [InlineData("PrivateDial dp_lookup: 8+ digit plain numbers", "_ZXXXXXX.", "12025550", true)]
    [InlineData("PrivateDial dp_lookup: 7 digits are too short", "_ZXXXXXX.", "1202555", false)]
    [InlineData("PrivateDial: '+' inside a character set", "_[+0-9].", "+46701234567", true)]
    [InlineData("Pattern Matching: literal characters are case sensitive", "_a", "A", false)]
    public void Match_follows_asterisk_rules(string rule, string pattern, string dialled, bool expected)
    {
        var p = ExtensionPattern.Parse(pattern);
        Assert.True(expected == p.IsMatch(dialled), rule);
    }

    [Theory]
    [InlineData("WaitExten digit collection: _1XX can still match after '1'", "_1XX", "1", true, true)]
    [InlineData("WaitExten digit collection: _1XX is complete after '123'", "_1XX", "123", true, false)]
    [InlineData("WaitExten digit collection: too long cannot match", "_1XX", "1234", false, false)]
    [InlineData("'.' keeps asking for more digits", "_1.", "12", true, true)]
    [InlineData("'.' needs at least one digit", "_1.", "1", true, true)]
    [InlineData("'!' is an early match: it never asks for more digits", "_1!", "1", true, false)]
    [InlineData("literal prefix can match more", "123", "12", true, true)]
    [InlineData("literal complete", "123", "123", true, false)]
    [InlineData("nothing dialled yet: everything can match", "_X.", "", true, true)]
    [InlineData("wrong digit", "_2XX", "1", false, false)]
    public void CanMatch_and_MatchMore(string rule, string pattern, string dialled, bool canMatch, bool matchMore)
    {
        var p = ExtensionPattern.Parse(pattern);
        Assert.True(canMatch == p.CanMatch(dialled), rule + " (canmatch)");
        Assert.True(matchMore == p.MatchMore(dialled), rule + " (matchmore)");
    }

    public static TheoryData<string, string[], string, string> Precedence => new()
    {
        { "Pattern Matching: an exact (literal) match is preferred over any pattern", ["_X.", "_1XX", "123"], "123", "123" },
        { "Pattern Matching: fewer possibilities at a position wins (1 beats X)", ["_X.", "_1XX"], "123", "_1XX" },
        { "Pattern Matching: Z (9 digits) beats X (10 digits)", ["_1XXX", "_1ZXX"], "1234", "_1ZXX" },
        { "Pattern Matching: N (8 digits) beats X", ["_XXX", "_NXX"], "223", "_NXX" },
        { "Pattern Matching: a set of 3 beats N (8)", ["_NXX", "_[1-3]XX"], "223", "_[1-3]XX" },
        { "Pattern Matching: the first differing position decides (N. before XX)", ["_1XX", "_1N."], "123", "_1N." },
        { "Pattern Matching: '.' is less specific than any digit class", ["_12X.", "_1234."], "12346", "_1234." },
        { "Pattern Matching: '!' is less specific than '.'", ["_X!", "_X."], "12", "_X." },
        { "Pattern Matching: literal before patterns even when a pattern is listed first", ["_1234.", "12345", "_12X."], "12345", "12345" },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void Best_match_follows_asterisk_sort_order(string rule, string[] extensions, string dialled, string expected)
    {
        var sorted = extensions.Select(ExtensionPattern.Parse).OrderBy(p => p).ToList();
        var winner = sorted.First(p => p.IsMatch(dialled));
        Assert.True(expected == winner.Text, $"{rule}: got {winner.Text}");
    }

    [Theory]
    [InlineData("_[12", "unclosed '['")]
    [InlineData("_[]", "empty character set")]
    [InlineData("", "empty extension")]
    public void Invalid_patterns_give_a_reason(string text, string reason)
    {
        Assert.False(ExtensionPattern.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("555-1212", "5551212")]
    [InlineData("_x.", "_X.")]
    [InlineData("_[21]X", "_[12]X")]
    public void Same_extension_written_differently_has_the_same_key(string a, string b)
    {
        Assert.Equal(ExtensionPattern.Parse(a).Key, ExtensionPattern.Parse(b).Key);
    }
}
