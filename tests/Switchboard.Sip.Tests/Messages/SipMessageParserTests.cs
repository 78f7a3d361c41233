using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Messages;

public sealed class SipMessageParserTests
{
    internal static ReadOnlyMemory<byte> Bytes(string s) => Encoding.UTF8.GetBytes(s.Replace("\n", "\r\n", StringComparison.Ordinal));

    internal static string Str(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    private const string Register =
        "REGISTER sip:example.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK776asdhds;rport\n" +
        "Max-Forwards: 70\n" +
        "To: Alice <sip:alice@example.com>\n" +
        "From: \"Alice A.\" <sip:alice@example.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\n" +
        "CSeq: 314159 REGISTER\n" +
        "Contact: <sip:alice@192.0.2.10:5062>;expires=3600, <sip:alice@198.51.100.1>;q=0.5\n" +
        "Content-Length: 0\n" +
        "\n";

    [Fact]
    public void ParsesRequestLineAndHeaders()
    {
        Assert.True(SipMessageParser.TryParse(Bytes(Register), out SipMessage? m, out SipParseError e), e.Description);
        using (m)
        {
            Assert.True(m.IsRequest);
            Assert.Equal(SipMethod.Register, m.Method);
            Assert.Equal("sip:example.com", Str(m.RequestUri));
            Assert.True(m.IsSip20);
            Assert.Equal("a84b4c76e66710@pc33.example.com", Str(m.CallId));
            Assert.True(m.TryGetCSeq(out SipCSeq cseq));
            Assert.Equal(314159u, cseq.Number);
            Assert.Equal(SipMethod.Register, cseq.Method);
            Assert.True(m.TryGetMaxForwards(out int mf));
            Assert.Equal(70, mf);
            Assert.True(m.TryGetFrom(out SipNameAddr from));
            Assert.Equal("Alice A.", Str(from.DisplayName));
            Assert.Equal("1928301774", Str(from.Tag));
            Assert.True(m.TryGetTopVia(out SipVia via));
            Assert.Equal("UDP", Str(via.Transport));
            Assert.Equal("192.0.2.10", Str(via.Host));
            Assert.Equal(5062, via.Port);
            Assert.True(via.HasRport);
            Assert.Equal(-1, via.Rport);
            Assert.Equal("z9hG4bK776asdhds", Str(via.Branch));
            Assert.Equal(2, m.GetValues(SipHeaderId.Contact).Count());
            Assert.Equal(0, m.ContentLength);
            Assert.True(m.Body.IsEmpty);
        }
    }

    [Fact]
    public void CompactFormsFoldingAndRepeatedViasAreIndexedInOrder()
    {
        string text =
            "INVITE sip:bob@example.com SIP/2.0\n" +
            "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1,\n SIP/2.0/TCP b.example.com;branch=z9hG4bK2\n" +
            "VIA: SIP/2.0/UDP c.example.com;branch=z9hG4bK3\n" +
            "i: callid1\n" +
            "f: <sip:a@example.com>;tag=x\n" +
            "t: <sip:b@example.com>\n" +
            "Subject: folded\n\tline\n" +
            "CSeq: 1 INVITE\n" +
            "l: 4\n" +
            "c: text/plain\n" +
            "\n" +
            "bodyEXTRA";
        Assert.True(SipMessageParser.TryParse(Bytes(text), out SipMessage? m, out SipParseError e), e.Description);
        using (m)
        {
            List<string> hosts = [];
            foreach (ReadOnlyMemory<byte> v in m.GetValues(SipHeaderId.Via))
            {
                Assert.True(SipVia.TryParse(v, out SipVia via));
                hosts.Add(Str(via.Host));
            }

            Assert.Equal(["a.example.com", "b.example.com", "c.example.com"], hosts);
            Assert.Equal("callid1", Str(m.CallId));
            Assert.True(m.TryGetHeader("Call-ID"u8, out _));
            Assert.True(m.TryGetHeader("subject"u8, out ReadOnlyMemory<byte> subject));
            Assert.Equal("folded\r\n\tline", Str(subject));
            Assert.Equal("body", Str(m.Body));
            Assert.Equal("text/plain", Str(m.ContentType));
        }
    }

    [Fact]
    public void MissingContentLengthTakesRestOfDatagramButIsAnErrorOnStreams()
    {
        string text = "MESSAGE sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n\nhello";
        Assert.True(SipMessageParser.TryParse(Bytes(text), out SipMessage? m, out _));
        Assert.Equal("hello", Str(m!.Body));
        m.Dispose();
        Assert.False(SipMessageParser.TryParse(Bytes(text), SipParseMode.Stream, out _, out SipParseError e));
        Assert.Equal(SipParseErrorCode.MissingContentLength, e.Code);
    }

    [Theory]
    [InlineData("Content-Length: 50", SipParseErrorCode.ContentLengthExceedsData)]
    [InlineData("Content-Length: -1", SipParseErrorCode.BadContentLength)]
    [InlineData("Content-Length: 99999999999999999999999", SipParseErrorCode.BadContentLength)]
    [InlineData("Content-Length: 0\nl: 0", SipParseErrorCode.MultipleContentLength)]
    public void BadContentLengthIsReported(string header, SipParseErrorCode code)
    {
        string text = "OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n" + header + "\n\nabc";
        Assert.False(SipMessageParser.TryParse(Bytes(text), out SipMessage? m, out SipParseError e));
        Assert.Null(m);
        Assert.Equal(code, e.Code);
    }

    [Theory]
    [InlineData("INVITE  sip:a@b SIP/2.0", SipParseErrorCode.BadRequestUri)]
    [InlineData("INVITE sip:a@b SIP/2.0 ", SipParseErrorCode.BadVersion)]
    [InlineData("INVITE <sip:a@b> SIP/2.0", SipParseErrorCode.BadRequestUri)]
    [InlineData("INVITE sip:a@b; lr SIP/2.0", SipParseErrorCode.BadVersion)]
    [InlineData("IN(VITE sip:a@b SIP/2.0", SipParseErrorCode.BadMethod)]
    [InlineData("SIP/2.0 4294967301 Big", SipParseErrorCode.BadStatusCode)]
    [InlineData("SIP/2.0 99 Small", SipParseErrorCode.BadStatusCode)]
    public void BadStartLinesAreRejected(string startLine, SipParseErrorCode code)
    {
        string text = startLine + "\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n";
        Assert.False(SipMessageParser.TryParse(Bytes(text), out _, out SipParseError e));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void ResponsesParseStatusAndReason()
    {
        string text = "\n\nSIP/2.0 180 Ringing\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nCSeq: 2 INVITE\nContent-Length: 0\n\n";
        Assert.True(SipMessageParser.TryParse(Bytes(text), out SipMessage? m, out _));
        using (m)
        {
            Assert.False(m.IsRequest);
            Assert.Equal(180, m.StatusCode);
            Assert.Equal("Ringing", Str(m.ReasonPhrase));
        }
    }

    [Fact]
    public void DetachedMessageOutlivesTheReceiveBuffer()
    {
        byte[] buffer = Bytes(Register).ToArray();
        Assert.True(SipMessageParser.TryParse(buffer, out SipMessage? m, out _));
        SipMessage copy = m!.Detach();
        m.Dispose();
        Array.Clear(buffer);
        Assert.Equal("a84b4c76e66710@pc33.example.com", Str(copy.CallId));
        copy.Dispose();
    }

    [Fact]
    public void HeaderWithoutColonIsRejected()
    {
        string text = "OPTIONS sip:b@example.com SIP/2.0\nVia SIP/2.0/UDP h\n\n";
        Assert.False(SipMessageParser.TryParse(Bytes(text), out _, out SipParseError e));
        Assert.Equal(SipParseErrorCode.BadHeaderLine, e.Code);
    }
}
