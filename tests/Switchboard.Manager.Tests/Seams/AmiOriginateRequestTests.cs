using Switchboard.Core.Originate;
using Switchboard.Manager.Seams;

namespace Switchboard.Manager.Tests.Seams;

/// <summary>AMI Originate headers to an originate request, and the OriginateResponse event fields.</summary>
public sealed class AmiOriginateRequestTests
{
    [Fact]
    public void Extension_form_with_variables_timeout_and_async()
    {
        Assert.True(AmiOriginateRequest.TryRead(
        [
            new("ActionID", "42"), new("Channel", "PJSIP/bob"), new("Context", "orig"), new("Exten", "100"), new("Priority", "2"),
            new("CallerID", "\"Desk\" <100>"), new("Timeout", "15000"), new("Variable", "A=1,B=2"), new("Variable", "C=3"), new("Async", "true"),
        ], out var r, out var async, out var actionId, out var error), error);
        Assert.True(async);
        Assert.Equal("42", actionId);
        Assert.Equal("PJSIP/bob", r!.Channel);
        Assert.Equal("orig", r.Context);
        Assert.Equal("100", r.Exten);
        Assert.Equal(2, r.Priority);
        Assert.Equal(TimeSpan.FromSeconds(15), r.Timeout);
        Assert.Equal([new("A", "1"), new("B", "2"), new("C", "3")], r.Variables);
        Assert.Null(r.Application);
        Assert.True(r.TryValidate(out _));
    }

    [Fact]
    public void Application_form_ignores_exten()
    {
        Assert.True(AmiOriginateRequest.TryRead([new("Channel", "PJSIP/bob"), new("Application", "Playback"), new("Data", "hello-world"), new("Exten", "1")], out var r, out var async, out _, out _));
        Assert.False(async);
        Assert.Equal("Playback", r!.Application);
        Assert.Equal("hello-world", r.Data);
        Assert.Null(r.Exten);
        Assert.True(r.TryValidate(out _));
    }

    [Theory]
    [InlineData("Application", "Wait", "Timeout", "soon")]
    [InlineData("Exten", "100", "Priority", "0")]
    public void Bad_numbers_are_refused(string k1, string v1, string k2, string v2)
        => Assert.False(AmiOriginateRequest.TryRead([new("Channel", "PJSIP/bob"), new(k1, v1), new(k2, v2)], out _, out _, out _, out _));

    [Fact]
    public void Missing_channel_is_refused()
        => Assert.False(AmiOriginateRequest.TryRead([new("Application", "Wait")], out _, out _, out _, out var error) || error is null);

    [Theory]
    [InlineData(true, 0, "Success", "4")]
    [InlineData(false, 17, "Failure", "5")]
    [InlineData(false, 19, "Failure", "3")]
    [InlineData(false, 20, "Failure", "8")]
    public void Originate_response_reason_codes(bool answered, int cause, string response, string reason)
    {
        var request = new OriginateRequest { Channel = "PJSIP/bob", Application = "Wait", Data = "1", CallerId = "\"Desk\" <100>" };
        var result = answered ? new OriginateResult(true, "PJSIP/bob-00000001", "1.1", 0, "Answered") : OriginateResult.Failed(cause, "x");
        var fields = CoreCallControl.ResponseFields(request, result, "a1").ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("a1", fields["ActionID"]);
        Assert.Equal(response, fields["Response"]);
        Assert.Equal(reason, fields["Reason"]);
        Assert.Equal("100", fields["CallerIDNum"]);
        Assert.Equal("Desk", fields["CallerIDName"]);
        Assert.Equal(answered ? "PJSIP/bob-00000001" : "PJSIP/bob", fields["Channel"]);
    }
}
