using System.Net;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using static Switchboard.Sip.Tests.Messages.SipMessageParserTests;

namespace Switchboard.Sip.Tests.Messages;

public sealed class SipResponseFactoryTests
{
    private const string Request =
        "REGISTER sip:example.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP 10.0.0.5:5062;rport;branch=z9hG4bKabc\n" +
        "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKdef\n" +
        "Max-Forwards: 70\n" +
        "To: <sip:alice@example.com>\n" +
        "From: <sip:alice@example.com>;tag=f1\n" +
        "Call-ID: c1\n" +
        "CSeq: 7 REGISTER\n" +
        "Content-Length: 0\n\n";

    [Fact]
    public void ResponseCopiesViasInOrderAddsReceivedRportAndToTag()
    {
        Assert.True(SipMessageParser.TryParse(Bytes(Request), out SipMessage? req, out _));
        using (req)
        {
            req.SetRemote(IPAddress.Parse("203.0.113.7"), 40000);
            using PooledBufferWriter output = new();
            SipMessageWriter w = SipResponseFactory.Begin(output, req, 200, "OK"u8, "totag1"u8);
            w.WriteHeader(SipHeaderId.Expires, 3600);
            w.WriteEnd();

            Assert.True(SipMessageParser.TryParse(output.WrittenMemory, out SipMessage? resp, out SipParseError e), e.Description);
            using (resp)
            {
                Assert.Equal(200, resp.StatusCode);
                SipHeaderValues vias = resp.GetValues(SipHeaderId.Via);
                Assert.True(vias.MoveNext());
                Assert.Equal("SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bKabc;received=203.0.113.7;rport=40000", Str(vias.Current));
                Assert.True(vias.MoveNext());
                Assert.Equal("SIP/2.0/UDP proxy.example.com;branch=z9hG4bKdef", Str(vias.Current));
                Assert.False(vias.MoveNext());
                Assert.True(resp.TryGetTo(out SipNameAddr to));
                Assert.Equal("totag1", Str(to.Tag));
                Assert.True(resp.TryGetCSeq(out SipCSeq cseq));
                Assert.Equal(7u, cseq.Number);
                Assert.Equal("c1", Str(resp.CallId));
                Assert.Equal(0, resp.ContentLength);
            }
        }
    }

    [Fact]
    public void ReceivedIsNotAddedWhenHostMatchesAndNoRport()
    {
        string text = Request.Replace(";rport", "", StringComparison.Ordinal);
        Assert.True(SipMessageParser.TryParse(Bytes(text), out SipMessage? req, out _));
        using (req)
        {
            req.SetRemote(IPAddress.Parse("10.0.0.5"), 5062);
            using PooledBufferWriter output = new();
            SipResponseFactory.Begin(output, req, 100, "Trying"u8, "t"u8).WriteEnd();
            string s = System.Text.Encoding.ASCII.GetString(output.WrittenSpan);
            Assert.Contains("Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bKabc\r\n", s, StringComparison.Ordinal);
            Assert.Contains("To: <sip:alice@example.com>\r\n", s, StringComparison.Ordinal); // no tag on 100
        }
    }
}
