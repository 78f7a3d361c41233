using Switchboard.Core.Pjsip.Calls;

namespace Switchboard.Core.Tests.Pjsip.Calls;

public sealed class DialStringTests
{
    [Fact]
    public void Parses_devices_timeout_and_options()
    {
        Assert.True(DialString.TryParse("PJSIP/alice&PJSIP/100@trunk&PJSIP/bob/sip:bob@10.0.0.2:5062,25,tTrg", out var dial, out var error), error);
        Assert.Equal([("PJSIP", "alice"), ("PJSIP", "100@trunk"), ("PJSIP", "bob/sip:bob@10.0.0.2:5062")], dial.Devices);
        Assert.Equal(TimeSpan.FromSeconds(25), dial.Timeout);
        Assert.True(dial.HasOption('r'));
        Assert.True(dial.HasOption('g'));
        Assert.False(dial.HasOption('m'));
    }

    [Fact]
    public void Without_timeout_rings_forever()
    {
        Assert.True(DialString.TryParse("PJSIP/alice", out var dial, out _));
        Assert.Null(dial.Timeout);
        Assert.True(DialString.TryParse("PJSIP/alice,,r", out dial, out _));
        Assert.Null(dial.Timeout);
        Assert.True(dial.HasOption('r'));
    }

    [Theory]
    [InlineData("")]
    [InlineData(",20")]
    [InlineData("alice")]
    [InlineData("PJSIP/")]
    [InlineData("/alice")]
    public void Bad_dial_strings_are_refused_with_a_reason(string args)
    {
        Assert.False(DialString.TryParse(args, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("sip:10.0.0.1:5060", "100", "sip:100@10.0.0.1:5060")]
    [InlineData("sip:trunk.example.com", "0049301234", "sip:0049301234@trunk.example.com")]
    [InlineData("sip:10.0.0.1:5070;transport=tcp", "7", "sip:7@10.0.0.1:5070;transport=tcp")]
    [InlineData("sip:bob@10.0.0.1", null, "sip:bob@10.0.0.1")]
    public void Trunk_numbers_become_the_request_uri_user(string contact, string? number, string expected)
        => Assert.Equal(expected, DialTargetResolver.WithUser(contact, number));
}
