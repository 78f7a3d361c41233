using System.Text;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

public sealed class SipUriTests
{
    private static SipUri P(string s)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(s), out SipUri u), s);
        return u;
    }

    private static string S(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    [Fact]
    public void ParsesAllParts()
    {
        SipUri u = P("sips:alice:secret@Example.COM:5061;transport=tcp;lr?Subject=hi&Priority=urgent");
        Assert.Equal(SipUriScheme.Sips, u.Scheme);
        Assert.Equal(("alice", "secret", "Example.COM", 5061), (S(u.User), S(u.Password), S(u.Host), u.Port));
        Assert.Equal(SipHostKind.DomainName, u.HostKind);
        Assert.True(u.TryGetParameter("TRANSPORT"u8, out ReadOnlyMemory<byte> t) && S(t) == "tcp");
        Assert.True(u.IsLooseRouter);
        Assert.Equal("Subject=hi&Priority=urgent", S(u.Headers));
    }

    [Theory]
    [InlineData("sip:[::1]:5060", "[::1]", 5060, SipHostKind.IPv6)]
    [InlineData("sip:bob@192.0.2.4", "192.0.2.4", -1, SipHostKind.IPv4)]
    [InlineData("sip:host.example.com.", "host.example.com.", -1, SipHostKind.DomainName)]
    public void HostForms(string text, string host, int port, SipHostKind kind)
    {
        SipUri u = P(text);
        Assert.Equal((host, port, kind), (S(u.Host), u.Port, u.HostKind));
    }

    [Fact]
    public void TelAndOtherSchemes()
    {
        SipUri tel = P("tel:+1-201-555-0123;phone-context=example.com");
        Assert.Equal((SipUriScheme.Tel, "+1-201-555-0123"), (tel.Scheme, S(tel.User)));
        SipUri http = P("http://www.example.com");
        Assert.Equal((SipUriScheme.Other, "http"), (http.Scheme, S(http.SchemeBytes)));
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:2001:db8::10")]
    [InlineData("sip:a@b:99999")]
    [InlineData("sip:a b@c")]
    [InlineData("sip:a@b;=x")]
    [InlineData("sip:a@[1::2::3]")]
    [InlineData("sip:a@b?x")]
    [InlineData("sip:%zz@b")]
    [InlineData(":x")]
    public void RejectsMalformed(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _), text);

    [Theory]
    // RFC 3261 §19.1.4 examples
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp", true)]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5", true)]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on", true)]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com", true)]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x", true)]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP", false)]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060", false)]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp", false)]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp", false)]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting", false)]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4", false)]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off", false)]
    [InlineData("sip:a@b", "sips:a@b", false)]
    public void EquivalenceFollowsRfc3261(string a, string b, bool equal)
    {
        Assert.Equal(equal, SipUriComparer.AreEquivalent(P(a), P(b)));
        Assert.Equal(equal, SipUriComparer.AreEquivalent(P(b), P(a)));
    }
}
