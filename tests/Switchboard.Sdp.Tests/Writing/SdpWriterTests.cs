using System.Buffers;
using System.Net;
using System.Text;
using Switchboard.Sdp.Parsing;
using Switchboard.Sdp.Writing;

namespace Switchboard.Sdp.Tests.Writing;

public sealed class SdpWriterTests
{
    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error.ToString());
        return sdp;
    }

    [Theory]
    [InlineData(nameof(SdpSamples.SippPcma))]
    [InlineData(nameof(SdpSamples.Ipv6))]
    [InlineData(nameof(SdpSamples.HoldZeroAddress))]
    [InlineData(nameof(SdpSamples.Rfc8866Example))]
    public void CanonicalBodiesRoundTripByteForByte(string sample)
    {
        string text = SdpSamples.Crlf(Sample(sample));
        Assert.Equal(text, SdpWriter.ToText(Parse(text)));
    }

    [Theory]
    [InlineData(nameof(SdpSamples.Phone))]
    [InlineData(nameof(SdpSamples.AudioVideo))]
    public void ReorderedBodiesRoundTripToTheSameModel(string sample)
    {
        string first = SdpWriter.ToText(Parse(SdpSamples.Crlf(Sample(sample))));
        string second = SdpWriter.ToText(Parse(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void PhoneBodyKeepsEveryLine()
    {
        string text = SdpWriter.ToText(Parse(SdpSamples.Crlf(SdpSamples.Phone)));
        foreach (var line in SdpSamples.Crlf(SdpSamples.Phone).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(line + "\r\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WritesTypedAttributesInAsteriskOrder()
    {
        var sdp = new SessionDescription { Connection = new SdpConnection(IPAddress.Parse("10.0.0.1")) };
        var m = new MediaDescription { Port = 10000, Ptime = 20, MaxPtime = 150, Direction = MediaDirection.SendRecv, Rtcp = new RtcpAttribute(10001) };
        m.Formats.AddRange(["0", "101"]);
        m.RtpMaps.Add(new RtpMap(101, "telephone-event", 8000));
        m.RtpMaps.Add(new RtpMap(0, "PCMU", 8000));
        m.FormatParameters.Add(new FormatParameters(101, "0-16"));
        sdp.Media.Add(m);
        string expected = """
            v=0
            o=- 0 0 IN IP4 0.0.0.0
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 10000 RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=rtcp:10001
            a=sendrecv
            """;
        Assert.Equal(SdpSamples.Crlf(expected), SdpWriter.ToText(sdp));
    }

    [Fact]
    public void WritesIpv6Connection()
    {
        var c = new SdpConnection(IPAddress.IPv6Loopback);
        var sdp = new SessionDescription { Connection = c };
        Assert.Contains("c=IN IP6 ::1\r\n", SdpWriter.ToText(sdp), StringComparison.Ordinal);
    }

    [Fact]
    public void WritesIntoBufferWriter()
    {
        var sdp = Parse(SdpSamples.Crlf(SdpSamples.SippPcma));
        var buffer = new ArrayBufferWriter<byte>();
        int n = SdpWriter.Write(sdp, buffer);
        Assert.Equal(n, buffer.WrittenCount);
        Assert.Equal(SdpSamples.Crlf(SdpSamples.SippPcma), Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(buffer.WrittenSpan.ToArray(), SdpWriter.ToBytes(sdp));
    }

    private static string Sample(string name) =>
        (string)typeof(SdpSamples).GetField(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
}
