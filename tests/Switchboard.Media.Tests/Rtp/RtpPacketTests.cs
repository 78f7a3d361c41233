using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    private static byte[] Packet(int pt = 0, bool marker = false, ushort seq = 1, uint ts = 160, uint ssrc = 0x11223344, int payload = 160)
    {
        var p = new byte[12 + payload];
        RtpHeader.Write(p, pt, marker, seq, ts, ssrc);
        for (int i = 0; i < payload; i++)
        {
            p[12 + i] = (byte)i;
        }

        return p;
    }

    [Fact]
    public void ParsesFixedHeader()
    {
        var data = Packet(8, true, 0xBEEF, 0xDEADBEEF, 0xCAFEBABE);
        Assert.True(RtpPacket.TryParse(data, out var p, out var error));
        Assert.Equal(RtpParseError.None, error);
        Assert.Equal(2, p.Version);
        Assert.True(p.Marker);
        Assert.Equal(8, p.PayloadType);
        Assert.Equal(0xBEEF, p.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, p.Timestamp);
        Assert.Equal(0xCAFEBABEu, p.Ssrc);
        Assert.Equal(12, p.HeaderLength);
        Assert.Equal(160, p.Payload.Length);
        Assert.Equal(5, p.Payload[5]);
    }

    [Fact]
    public void SkipsCsrcAndExtensionAndPadding()
    {
        // V=2 P=1 X=1 CC=2; 2 CSRCs; extension of 1 word; 4 payload bytes; 3 padding bytes.
        byte[] data =
        [
            0xB2, 0x00, 0x00, 0x01, 0, 0, 0, 1, 0, 0, 0, 2,
            0, 0, 0, 0xAA, 0, 0, 0, 0xBB,
            0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4,
            9, 8, 7, 6,
            0, 0, 3,
        ];
        Assert.True(RtpPacket.TryParse(data, out var p, out _));
        Assert.Equal(2, p.CsrcCount);
        Assert.Equal(0xBBu, p.GetCsrc(1));
        Assert.True(p.HasExtension);
        Assert.True(p.Padding);
        Assert.Equal(28, p.HeaderLength);
        Assert.Equal([9, 8, 7, 6], p.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1 }, RtpParseError.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.BadVersion)]
    [InlineData(new byte[] { 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, RtpParseError.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE }, RtpParseError.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpParseError.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, RtpParseError.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9 }, RtpParseError.BadPadding)]
    [InlineData(new byte[] { 0x80, 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0 }, RtpParseError.LooksLikeRtcp)]
    public void RefusesMalformed(byte[] data, RtpParseError expected)
    {
        Assert.False(RtpPacket.TryParse(data, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void RewritesFieldsInPlace()
    {
        var data = Packet(0, false, 10, 1000, 5);
        RtpHeader.SetPayloadType(data, 101);
        RtpHeader.SetMarker(data, true);
        RtpHeader.SetSequenceNumber(data, 65535);
        RtpHeader.SetTimestamp(data, 42);
        RtpHeader.SetSsrc(data, 77);
        Assert.True(RtpPacket.TryParse(data, out var p, out _));
        Assert.Equal(101, p.PayloadType);
        Assert.True(p.Marker);
        Assert.Equal(65535, p.SequenceNumber);
        Assert.Equal(42u, p.Timestamp);
        Assert.Equal(77u, p.Ssrc);
        RtpHeader.SetPayloadType(data, 0);
        Assert.True(RtpPacket.TryParse(data, out p, out _));
        Assert.True(p.Marker);
        Assert.Equal(0, p.PayloadType);
        RtpHeader.SetMarker(data, false);
        Assert.True(RtpPacket.TryParse(data, out p, out _));
        Assert.False(p.Marker);
    }

    [Theory]
    [InlineData(1, 65535, 2)]
    [InlineData(65535, 1, -2)]
    [InlineData(100, 100, 0)]
    [InlineData(32767, 0, 32767)]
    [InlineData(32768, 0, -32768)]
    public void SequenceDeltaWraps(int to, int from, int expected)
    {
        Assert.Equal(expected, RtpSequence.Delta((ushort)to, (ushort)from));
    }

    [Fact]
    public void TimestampDeltaWraps()
    {
        Assert.Equal(320, RtpSequence.TimestampDelta(160, uint.MaxValue - 159));
        Assert.True(RtpSequence.IsNewerTimestamp(5, uint.MaxValue));
        Assert.True(RtpSequence.IsNewer(0, 65535));
    }
}
