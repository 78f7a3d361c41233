using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Headers;

public sealed class SipHeaderValueTests
{
    private static ReadOnlyMemory<byte> B(string s) => Encoding.UTF8.GetBytes(s);

    private static string S(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    [Fact]
    public void ViaWithAllParameters()
    {
        Assert.True(SipVia.TryParse(B("SIP/2.0/TLS [2001:db8::1]:5061;branch=z9hG4bKx;received=192.0.2.1;rport=5070;maddr=224.2.0.1;ttl=16"), out SipVia v));
        Assert.Equal(("TLS", "[2001:db8::1]", 5061), (S(v.Transport), S(v.Host), v.Port));
        Assert.Equal(("z9hG4bKx", "192.0.2.1", "224.2.0.1", 16, 5070), (S(v.Branch), S(v.Received), S(v.Maddr), v.Ttl, v.Rport));
        Assert.True(v.HasRfc3261Branch);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0 UDP host")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host;;")]
    [InlineData("SIP/2.0/UDP host;rport=abc")]
    [InlineData("SIP/2.0/UDP host;received=not-an-ip")]
    [InlineData("SIP/2.0/UDP host junk")]
    public void MalformedViasAreRejected(string text) => Assert.False(SipVia.TryParse(B(text), out _), text);

    [Fact]
    public void NameAddrForms()
    {
        Assert.True(SipNameAddr.TryParse(B("\"A \\\"B\\\"\" <sip:a@b>;tag=1;expires=60;q=0.7"), out SipNameAddr n));
        Assert.Equal(("A \\\"B\\\"", "sip:a@b", "1", 60L, "0.7"), (S(n.DisplayName), S(n.Uri), S(n.Tag), n.Expires, S(n.Q)));
        Assert.True(SipNameAddr.TryParse(B("Bob Smith <sips:bob@b>"), out n));
        Assert.Equal(("Bob Smith", false), (S(n.DisplayName), n.DisplayNameQuoted));
        Assert.True(SipNameAddr.TryParse(B(" * "), out n) && n.IsWildcard);
        Assert.True(SipNameAddr.TryParse(B("sip:a@b;expires=abc"), out n));
        Assert.Equal(-2, n.Expires);
    }

    [Theory]
    [InlineData("\"unterminated <sip:a@b>")]
    [InlineData("<sip:a@b")]
    [InlineData("< sip:a@b >")]
    [InlineData("A, B <sip:a@b>")]
    [InlineData("sip:a@b?x=y")]
    [InlineData("<sip:a@b>;;")]
    [InlineData("")]
    public void MalformedNameAddrsAreRejected(string text) => Assert.False(SipNameAddr.TryParse(B(text), out _), text);

    [Theory]
    [InlineData("1 INVITE", 1u, SipMethod.Invite)]
    [InlineData("4294967295 FOO", 4294967295u, SipMethod.Unknown)]
    [InlineData("  0009\r\n  INVITE ", 9u, SipMethod.Invite)]
    public void CSeqValues(string text, uint number, SipMethod method)
    {
        Assert.True(SipCSeq.TryParse(B(text), out SipCSeq c));
        Assert.Equal((number, method), (c.Number, c.Method));
    }

    [Theory]
    [InlineData("4294967296 INVITE")]
    [InlineData("INVITE")]
    [InlineData("1INVITE")]
    [InlineData("1 INVITE x")]
    public void MalformedCSeqsAreRejected(string text) => Assert.False(SipCSeq.TryParse(B(text), out _), text);

    [Fact]
    public void CompactNamesMapToTheirHeaders()
    {
        string[] compact = ["i", "m", "e", "l", "f", "t", "v", "s", "k", "c", "o", "u", "r", "b", "x", "y"];
        SipHeaderId[] ids = [SipHeaderId.CallId, SipHeaderId.Contact, SipHeaderId.ContentEncoding, SipHeaderId.ContentLength,
            SipHeaderId.From, SipHeaderId.To, SipHeaderId.Via, SipHeaderId.Subject, SipHeaderId.Supported, SipHeaderId.ContentType,
            SipHeaderId.Event, SipHeaderId.AllowEvents, SipHeaderId.ReferTo, SipHeaderId.ReferredBy, SipHeaderId.SessionExpires,
            SipHeaderId.Identity];
        for (int i = 0; i < compact.Length; i++)
        {
            Assert.Equal(ids[i], SipHeaderNames.Identify(Encoding.ASCII.GetBytes(compact[i].ToUpperInvariant())));
            Assert.Equal(ids[i], SipHeaderNames.Identify(SipHeaderNames.Canonical(ids[i])));
        }

        Assert.Equal(SipHeaderId.WwwAuthenticate, SipHeaderNames.Identify("www-authenticate"u8));
        Assert.Equal(SipHeaderId.Other, SipHeaderNames.Identify("X-Custom"u8));
    }

    [Fact]
    public void EventWithId()
    {
        Assert.True(SipEvent.TryParse(B(" refer ;id=93809824 "), out SipEvent e));
        Assert.Equal(("refer", "93809824"), (S(e.Package), S(e.Id)));
        Assert.False(SipEvent.TryParse(B(";id=1"), out _));
    }
}
