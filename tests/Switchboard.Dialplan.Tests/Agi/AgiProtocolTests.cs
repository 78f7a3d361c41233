using Switchboard.Dialplan.Agi;

namespace Switchboard.Dialplan.Tests.Agi;

/// <summary>The AGI line grammar and AGI() target syntax (Asterisk's res_agi parse_args and agi:// URIs).</summary>
public sealed class AgiProtocolTests
{
    [Theory]
    [InlineData("GET VARIABLE FOO", new[] { "GET", "VARIABLE", "FOO" })]
    [InlineData("  SET   VARIABLE  X  \"a b  c\"", new[] { "SET", "VARIABLE", "X", "a b  c" })]
    [InlineData("STREAM FILE beep \"\"", new[] { "STREAM", "FILE", "beep", "" })]
    [InlineData("VERBOSE \"say \\\"hi\\\"\" 1", new[] { "VERBOSE", "say \"hi\"", "1" })]
    [InlineData("EXEC Set X=a\\ b", new[] { "EXEC", "Set", "X=a b" })]
    [InlineData("", new string[0])]
    public void Command_lines_split_like_Asterisk(string line, string[] expected) =>
        Assert.Equal(expected, AgiCommandLine.Split(line));

    [Fact]
    public void A_line_with_too_many_words_is_cut_at_the_limit()
    {
        var words = AgiCommandLine.Split(string.Join(' ', Enumerable.Repeat("w", 500)));
        Assert.Equal(AgiCommandLine.MaxWords, words.Count);
    }

    [Theory]
    [InlineData("agi://127.0.0.1/script?a=1", "127.0.0.1", 4573, "script?a=1")]
    [InlineData("agi://agi.example:9000/x", "agi.example", 9000, "x")]
    [InlineData("AGI://host", "host", 4573, "")]
    [InlineData("agi://[::1]:4600/ivr", "::1", 4600, "ivr")]
    public void FastAgi_uris_name_host_port_and_script(string text, string host, int port, string script)
    {
        Assert.True(AgiTarget.TryParse(text, "/agi-bin", out var target, out var error), error);
        Assert.True(target.IsNetwork);
        Assert.Equal((host, port, script), (target.Host, target.Port, target.Script));
        Assert.Equal(text, target.Request);
    }

    [Theory]
    [InlineData("agi://host:0/x")]
    [InlineData("agi://host:99999/x")]
    [InlineData("agi://:4573/x")]
    [InlineData("agi://[::1/x")]
    [InlineData("")]
    public void Bad_targets_are_refused_with_a_reason(string text)
    {
        Assert.False(AgiTarget.TryParse(text, "/agi-bin", out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_relative_program_is_found_in_the_agi_directory()
    {
        Assert.True(AgiTarget.TryParse("hello.sh", "/var/lib/asterisk/agi-bin", out var relative, out _));
        Assert.False(relative.IsNetwork);
        Assert.Equal("/var/lib/asterisk/agi-bin/hello.sh", relative.Program);
        Assert.True(AgiTarget.TryParse("/usr/local/bin/websms", "/agi-bin", out var absolute, out _));
        Assert.Equal("/usr/local/bin/websms", absolute.Program);
    }

    [Fact]
    public async Task Lines_longer_than_the_limit_are_cut_and_flagged()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(new string('x', 100) + "\r\nNOOP\r\n");
        var reader = new AgiLineReader(new MemoryStream(bytes), maxLineLength: 10);
        Assert.Equal(new string('x', 10), await reader.ReadLineAsync(CancellationToken.None));
        Assert.True(reader.LastLineTooLong);
        Assert.Equal("NOOP", await reader.ReadLineAsync(CancellationToken.None));
        Assert.False(reader.LastLineTooLong);
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }
}
