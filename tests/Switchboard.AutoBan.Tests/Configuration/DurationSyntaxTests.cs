using Switchboard.AutoBan.Configuration;

namespace Switchboard.AutoBan.Tests.Configuration;

public sealed class DurationSyntaxTests
{
    [Theory]
    [InlineData("20m", 1200)]
    [InlineData("1d2h3m4s", 93784)]
    [InlineData("1200", 1200)]
    [InlineData(" 90.5 ", 90.5)]
    [InlineData("2H", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("3m30s", 210)]
    [InlineData("0", 0)]
    [InlineData("99999999", 99999999)]
    public void Parses_reference_syntax(string text, double seconds)
    {
        Assert.True(DurationSyntax.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20x")]
    [InlineData("3s2m")]
    [InlineData("1d1d")]
    [InlineData("m")]
    [InlineData("20m ago")]
    [InlineData("-5")]
    [InlineData("100000000")]
    [InlineData("1200d")]
    public void Rejects_with_a_reason(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(1200, "20m")]
    [InlineData(93784, "1d2h3m4s")]
    [InlineData(0, "0s")]
    [InlineData(1203, "20m3s")]
    [InlineData(1200.2, "20m1s")]
    [InlineData(86400 * 18, "18d")]
    [InlineData(99999999, "1157d9h46m39s")]
    public void Formats_whole_seconds_rounded_up(double seconds, string text)
        => Assert.Equal(text, DurationSyntax.Format(TimeSpan.FromSeconds(seconds)));
}
