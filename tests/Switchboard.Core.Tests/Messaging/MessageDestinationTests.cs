using Switchboard.Core.Messaging;

namespace Switchboard.Core.Tests.Messaging;

public sealed class MessageDestinationTests
{
    private static bool IsEndpoint(string name) => name is "bob" or "itsp";

    [Theory]
    [InlineData("pjsip:bob", "Endpoint", "bob", null, null)]
    [InlineData("pjsip:bob/sip:bob@10.0.0.5:5062", "Contact", "bob", "sip:bob@10.0.0.5:5062", null)]
    [InlineData("pjsip:+12025550183@itsp", "Number", "itsp", null, "+12025550183")]
    [InlineData("pjsip:sip:carol@example.com", "Uri", "", "sip:carol@example.com", null)]
    [InlineData("sip:carol@example.com", "Uri", "", "sip:carol@example.com", null)]
    [InlineData("pjsip:carol@example.com", "Uri", "", "sip:carol@example.com", null)]
    public void Parses_the_pjsip_forms(string to, string kind, string endpoint, string? uri, string? number)
    {
        Assert.Equal(MessageSendStatus.Success, MessageDestination.TryParse(to, IsEndpoint, out var d));
        Assert.Equal(new MessageDestination(Enum.Parse<MessageDestinationKind>(kind), endpoint, uri, number), d);
    }

    [Theory]
    [InlineData("xmpp:bob@example.com", MessageSendStatus.InvalidProtocol)]
    [InlineData("bob", MessageSendStatus.InvalidProtocol)]
    [InlineData("pjsip:nobody", MessageSendStatus.InvalidUri)]
    [InlineData("pjsip:", MessageSendStatus.InvalidUri)]
    [InlineData("pjsip:nobody/sip:x@y", MessageSendStatus.InvalidUri)]
    [InlineData("pjsip:bob/tel:123", MessageSendStatus.InvalidUri)]
    public void Rejects_what_it_cannot_send_to(string to, MessageSendStatus expected)
        => Assert.Equal(expected, MessageDestination.TryParse(to, IsEndpoint, out _));

    [Fact]
    public void Status_texts_are_asterisks()
    {
        Assert.Equal("SUCCESS", MessageSendStatuses.ToText(MessageSendStatus.Success));
        Assert.Equal("FAILURE", MessageSendStatuses.ToText(MessageSendStatus.Failure));
        Assert.Equal("INVALID_PROTOCOL", MessageSendStatuses.ToText(MessageSendStatus.InvalidProtocol));
        Assert.Equal("INVALID_URI", MessageSendStatuses.ToText(MessageSendStatus.InvalidUri));
    }
}
