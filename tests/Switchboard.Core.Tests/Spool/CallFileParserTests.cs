using Switchboard.Core.Spool;

namespace Switchboard.Core.Tests.Spool;

/// <summary>Call files as pbx_spool reads them.</summary>
public sealed class CallFileParserTests
{
    [Fact]
    public void Reads_every_key_with_defaults_and_counts_retries()
    {
        const string text = """
            # comment line
            Channel: PJSIP/bob
            CallerID: "Front desk" <100>
            MaxRetries: 2
            RetryTime: 60
            WaitTime: 30
            Context: orig
            Extension: 1001 ; trailing comment
            Priority: 2
            Setvar: A=1
            Set: B=x=y
            Archive: Yes
            StartRetry: 123 1 (1700000000)
            """;
        Assert.True(CallFileParser.TryParse(text, out var f, out var error), error);
        Assert.Equal("PJSIP/bob", f!.Channel);
        Assert.Equal("\"Front desk\" <100>", f.CallerId);
        Assert.Equal(2, f.MaxRetries);
        Assert.Equal(60, f.RetryTime);
        Assert.Equal(30, f.WaitTime);
        Assert.Equal("orig", f.Context);
        Assert.Equal("1001", f.Extension);
        Assert.Equal(2, f.Priority);
        Assert.Equal([new("A", "1"), new("B", "x=y")], f.Variables);
        Assert.True(f.Archive);
        Assert.Equal(1, f.Retries);
        var request = f.ToRequest();
        Assert.Equal(TimeSpan.FromSeconds(30), request.Timeout);
        Assert.Null(request.Application);
    }

    [Fact]
    public void Application_form_and_defaults()
    {
        Assert.True(CallFileParser.TryParse("Channel: PJSIP/0123@trunk\nApplication: Playback\nData: hello-world#x\n", out var f, out _));
        Assert.Equal("Playback", f!.Application);
        Assert.Equal("hello-world#x", f.Data);
        Assert.Equal(45, f.WaitTime);
        Assert.Equal(0, f.MaxRetries);
        Assert.Equal(300, f.RetryTime);
        Assert.False(f.Archive);
        Assert.Null(f.ToRequest().Exten);
    }

    [Theory]
    [InlineData("Context: orig\nExtension: 100\n", "no Channel")]
    [InlineData("Channel: bob\nApplication: Wait\n", "no Channel")]
    [InlineData("Channel: PJSIP/bob\n", "neither Application")]
    [InlineData("Channel: PJSIP/bob\nApplication: Wait\nWaitTime: soon\n", "must be a number")]
    [InlineData("Channel: PJSIP/bob\nnonsense line\n", "expected 'Key: value'")]
    public void Bad_files_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(CallFileParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
