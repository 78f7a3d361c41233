using Switchboard.Core.Messaging;

namespace Switchboard.Core.Tests.Messaging;

public sealed class FromHeaderTests
{
    [Theory]
    [InlineData("+12025550160", null, "sip:+12025550160@10.1.1.1")]
    [InlineData("alice@example.com", null, "sip:alice@example.com")]
    [InlineData("sip:alice@example.com", null, "sip:alice@example.com")]
    [InlineData("sip:alice", null, "sip:alice@10.1.1.1")]
    [InlineData("\"Alice A\" <sip:alice@example.com>", "Alice A", "sip:alice@example.com")]
    [InlineData("<+12025550160>", null, "sip:+12025550160@10.1.1.1")]
    [InlineData("pjsip:alice", null, "sip:alice@10.1.1.1")]
    [InlineData("", null, "sip:asterisk@10.1.1.1")]
    public void Builds_display_and_uri(string from, string? display, string uri)
        => Assert.Equal((display, uri), FromHeader.Build(from, "10.1.1.1"));

    [Theory]
    [InlineData("pjsip:bob,+1202", "pjsip:bob", "+1202")]
    [InlineData("pjsip:bob", "pjsip:bob", null)]
    [InlineData("pjsip:bob,\"A, B\" <sip:a@b>", "pjsip:bob", "\"A, B\" <sip:a@b>")]
    [InlineData("pjsip:bob, ", "pjsip:bob", null)]
    public void MessageSend_arguments_split_at_the_first_plain_comma(string args, string to, string? from)
        => Assert.Equal((to, from), MessageSendApplication.SplitArgs(args));
}
