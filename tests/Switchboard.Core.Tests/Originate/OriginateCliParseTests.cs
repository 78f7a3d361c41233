using Switchboard.Core.Originate;

namespace Switchboard.Core.Tests.Originate;

/// <summary>channel originate's two forms as Asterisk's CLI takes them.</summary>
public sealed class OriginateCliParseTests
{
    [Fact]
    public void Application_form_takes_the_rest_as_data()
    {
        Assert.True(OriginateCliCommand.TryParse(["PJSIP/bob", "application", "Playback", "hello-world"], out var r, out _));
        Assert.Equal("PJSIP/bob", r!.Channel);
        Assert.Equal("Playback", r.Application);
        Assert.Equal("hello-world", r.Data);
        Assert.True(r.TryValidate(out _));
    }

    /// <summary>res_clioriginate's orig_exten: strsep at '@' — the part before it (or all of it) is the extension.</summary>
    [Theory]
    [InlineData("100@orig", "100", "orig")]
    [InlineData("100", "100", "default")]
    [InlineData("@orig", "s", "orig")]
    [InlineData("100@", "100", "default")]
    public void Extension_form_splits_exten_and_context(string target, string exten, string context)
    {
        Assert.True(OriginateCliCommand.TryParse(["PJSIP/bob", "extension", target], out var r, out _));
        Assert.Equal(exten, r!.Exten);
        Assert.Equal(context, r.Context);
    }

    [Theory]
    [InlineData("PJSIP/bob", "dial", "x")]
    [InlineData("bob", "application", "Wait")]
    public void Bad_forms_are_refused(string channel, string kind, string what)
        => Assert.False(OriginateCliCommand.TryParse([channel, kind, what], out _, out _));

    [Fact]
    public void Request_needs_exactly_one_target()
    {
        Assert.False(new OriginateRequest { Channel = "PJSIP/bob" }.TryValidate(out _));
        Assert.False(new OriginateRequest { Channel = "PJSIP/bob", Exten = "1", Application = "Wait" }.TryValidate(out _));
    }
}
