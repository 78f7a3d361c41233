using System.Net;
using System.Text;
using Switchboard.Sdp.Parsing;

namespace Switchboard.Sdp.Tests.Parsing;

public sealed class SdpParserTests
{
    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(SdpSamples.Bytes(text), out var sdp, out var error), error.ToString());
        return sdp;
    }

    private static SdpParseError Fail(string text)
    {
        Assert.False(SdpParser.TryParse(Encoding.UTF8.GetBytes(text), out var sdp, out var error));
        Assert.Null(sdp);
        return error;
    }

    [Fact]
    public void ParsesSippOffer()
    {
        var sdp = Parse(SdpSamples.SippPcma);
        Assert.Equal("user1", sdp.Origin.Username);
        Assert.Equal("53655765", sdp.Origin.SessionId);
        Assert.Equal(2353687637UL, sdp.Origin.SessionVersion);
        Assert.Equal("127.0.0.1", sdp.Connection!.Address);
        var m = Assert.Single(sdp.Media);
        Assert.Equal("audio", m.Media);
        Assert.Equal(6000, m.Port);
        Assert.Equal("RTP/AVP", m.Protocol);
        Assert.Equal([8, 101], m.PayloadTypes);
        Assert.Equal("PCMA", m.FindRtpMap(8)!.EncodingName);
        Assert.Equal(8000, m.FindRtpMap(101)!.ClockRate);
        Assert.Equal("0-11,16", m.FindFormatParameters(101)!.Parameters);
        Assert.Equal(MediaDirection.SendRecv, sdp.DirectionFor(m));
        Assert.False(sdp.IsHold(m));
    }

    [Fact]
    public void ParsesTypedMediaAttributes()
    {
        var sdp = Parse(SdpSamples.Phone);
        var m = sdp.Media[0];
        Assert.Equal(20, m.Ptime);
        Assert.Null(m.MaxPtime);
        Assert.Equal(4001, m.Rtcp!.Port);
        Assert.Equal("192.0.2.10", m.Rtcp.Connection!.Address);
        Assert.Equal(MediaDirection.SendRecv, m.Direction);
        Assert.Equal(2, m.FindRtpMap(96)!.Channels);
        Assert.Equal("annexb=no", m.FindFormatParameters(18)!.Parameters);
        Assert.Equal("ssrc", Assert.Single(m.Attributes).Name);
        Assert.Equal("X-nat", Assert.Single(sdp.Attributes).Name);
        Assert.Equal("AS", sdp.Bandwidths[0].Type);
        Assert.Equal(64000UL, m.Bandwidths[0].Value);
        Assert.Null(sdp.Connection);
        Assert.Equal("192.0.2.10", sdp.ConnectionFor(m)!.Address);
    }

    [Fact]
    public void ParsesIpv6Connection()
    {
        var sdp = Parse(SdpSamples.Ipv6);
        Assert.Equal("IP6", sdp.Origin.AddressType);
        Assert.Equal("IP6", sdp.Connection!.AddressType);
        Assert.True(sdp.Connection.TryGetIPAddress(out var address));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), address);
    }

    [Fact]
    public void ZeroAddressIsHold()
    {
        var sdp = Parse(SdpSamples.HoldZeroAddress);
        Assert.True(sdp.Connection!.IsHoldAddress);
        Assert.True(sdp.IsHold(sdp.Media[0]));
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.SendOnly, true)]
    [InlineData("inactive", MediaDirection.Inactive, true)]
    [InlineData("recvonly", MediaDirection.RecvOnly, false)]
    [InlineData("sendrecv", MediaDirection.SendRecv, false)]
    public void DirectionAttributes(string attribute, MediaDirection expected, bool hold)
    {
        var sdp = Parse($"v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na={attribute}");
        Assert.Equal(expected, sdp.DirectionFor(sdp.Media[0]));
        Assert.Equal(hold, sdp.IsHold(sdp.Media[0]));
    }

    [Fact]
    public void SessionLevelDirectionAppliesToMediaWithout()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\na=sendonly\nm=audio 4000 RTP/AVP 0\nm=audio 4002 RTP/AVP 0\na=recvonly");
        Assert.Equal(MediaDirection.SendOnly, sdp.Direction);
        Assert.Equal(MediaDirection.SendOnly, sdp.DirectionFor(sdp.Media[0]));
        Assert.Equal(MediaDirection.RecvOnly, sdp.DirectionFor(sdp.Media[1]));
    }

    [Fact]
    public void ParsesRfc8866Example()
    {
        var sdp = Parse(SdpSamples.Rfc8866Example);
        Assert.Equal("Call to John Smith", sdp.SessionName);
        Assert.Equal("SDP Offer #1", sdp.Information);
        Assert.Equal("http://www.jdoe.example.com/home.html", sdp.Uri);
        Assert.Equal("Jane Doe <jane@jdoe.example.com>", Assert.Single(sdp.Emails));
        Assert.Equal("+1 617 555-6011", Assert.Single(sdp.Phones));
        Assert.Equal(3, sdp.Media.Count);
        Assert.Equal("2001:db8::2", sdp.Media[2].Connection!.Address);
        Assert.Equal("h263-1998", sdp.Media[2].FindRtpMap(99)!.EncodingName);
    }

    [Fact]
    public void AcceptsBareLfAndTrailingBlankLines()
    {
        var sdp = Parse(SdpSamples.SippPcma.ReplaceLineEndings("\n") + "\n\n");
        Assert.Single(sdp.Media);
    }

    [Fact]
    public void MulticastConnectionSuffixes()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 233.252.0.1/127/3\nt=0 0\nm=audio 4000 RTP/AVP 0");
        Assert.Equal("233.252.0.1", sdp.Connection!.Address);
        Assert.Equal(127, sdp.Connection.Ttl);
        Assert.Equal(3, sdp.Connection.AddressCount);
    }

    [Fact]
    public void PortCountAndNonRtpFormats()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=image 4000/2 udptl t38");
        var m = sdp.Media[0];
        Assert.Equal(2, m.PortCount);
        Assert.Equal("t38", Assert.Single(m.Formats));
        Assert.Empty(m.PayloadTypes);
        Assert.False(m.IsRtp);
    }

    [Fact]
    public void UnknownLineTypesAreIgnored()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nx=whatever\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0");
        Assert.Single(sdp.Media);
    }

    [Fact]
    public void DecimalPtimeIsTruncated()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na=ptime:30.0");
        Assert.Equal(30, sdp.Media[0].Ptime);
    }

    [Fact]
    public void RejectedStreamNeedsNoConnection()
    {
        var sdp = Parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\nm=audio 0 RTP/AVP 0");
        Assert.Equal(0, sdp.Media[0].Port);
    }

    [Theory]
    [InlineData("", SdpParseErrorReason.Empty)]
    [InlineData("\r\n\r\n", SdpParseErrorReason.Empty)]
    [InlineData("o=- 1 1 IN IP4 10.0.0.1\r\nv=0\r\n", SdpParseErrorReason.MissingVersion)]
    [InlineData("v=1\r\n", SdpParseErrorReason.UnsupportedVersion)]
    [InlineData("v=0\r\ns=-\r\n", SdpParseErrorReason.MissingOrigin)]
    [InlineData("v=0\r\no=- 1 IN IP4 10.0.0.1\r\n", SdpParseErrorReason.InvalidOrigin)]
    [InlineData("v=0\r\no=- x 1 IN IP4 10.0.0.1\r\n", SdpParseErrorReason.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nv=0\r\n", SdpParseErrorReason.MalformedLine)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nhello\r\n", SdpParseErrorReason.MalformedLine)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4\r\n", SdpParseErrorReason.InvalidConnection)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nb=AS\r\n", SdpParseErrorReason.InvalidBandwidth)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nt=0\r\n", SdpParseErrorReason.InvalidTiming)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nr=7d 1h 0 25h\r\n", SdpParseErrorReason.InvalidTiming)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio x RTP/AVP 0\r\n", SdpParseErrorReason.InvalidMedia)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 70000 RTP/AVP 0\r\n", SdpParseErrorReason.InvalidMedia)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio\r\n", SdpParseErrorReason.InvalidMedia)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", SdpParseErrorReason.InvalidAttribute)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:200 PCMU/8000\r\n", SdpParseErrorReason.InvalidAttribute)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\na=rtcp:abc\r\n", SdpParseErrorReason.InvalidAttribute)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\na=\r\n", SdpParseErrorReason.InvalidAttribute)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseErrorReason.MissingConnection)]
    public void RefusesMalformedBodies(string text, SdpParseErrorReason reason)
    {
        var error = Fail(text);
        Assert.Equal(reason, error.Reason);
        Assert.False(string.IsNullOrEmpty(error.Detail));
    }

    [Fact]
    public void ErrorNamesTheLine()
    {
        var error = Fail("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4\r\n");
        Assert.Equal(4, error.Line);
        Assert.Contains("line 4", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesInvalidUtf8()
    {
        byte[] body = [.. "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns="u8, 0xC3, 0x28, (byte)'\r', (byte)'\n'];
        Assert.False(SdpParser.TryParse(body, out _, out var error));
        Assert.Equal(SdpParseErrorReason.InvalidText, error.Reason);
    }

    [Fact]
    public void RefusesOversizedBodies()
    {
        var body = new byte[SdpParser.MaxBodyLength + 1];
        Assert.False(SdpParser.TryParse(body, out _, out var error));
        Assert.Equal(SdpParseErrorReason.TooLarge, error.Reason);
    }

    [Fact]
    public void RefusesTooManyMediaSections()
    {
        var sb = new StringBuilder("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4 10.0.0.1\r\n");
        for (int i = 0; i <= SdpParser.MaxMediaSections; i++)
        {
            sb.Append("m=audio 4000 RTP/AVP 0\r\n");
        }

        Assert.Equal(SdpParseErrorReason.TooManyMediaSections, Fail(sb.ToString()).Reason);
    }

    [Fact]
    public void RefusesTooManyAttributes()
    {
        var sb = new StringBuilder("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n");
        for (int i = 0; i <= SdpParser.MaxAttributesPerSection; i++)
        {
            sb.Append("a=x\r\n");
        }

        Assert.Equal(SdpParseErrorReason.TooManyAttributes, Fail(sb.ToString()).Reason);
    }

    [Fact]
    public void GarbageNeverThrows()
    {
        var random = new Random(1234);
        var buffer = new byte[300];
        string seed = SdpSamples.Crlf(SdpSamples.Phone);
        for (int i = 0; i < 2000; i++)
        {
            // Mutate a valid body at random positions; the parser must answer true or false, never throw.
            var bytes = Encoding.UTF8.GetBytes(seed);
            int mutations = random.Next(1, 8);
            for (int k = 0; k < mutations; k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(0x20, 0x7F);
            }

            SdpParser.TryParse(bytes, out _, out _);
            random.NextBytes(buffer);
            SdpParser.TryParse(buffer, out _, out _);
        }
    }
}
