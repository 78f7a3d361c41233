using System.Buffers.Binary;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtcpPacketTests
{
    /// <summary>An RR with one report block (length 7 words) followed by an SDES with a CNAME.</summary>
    internal static byte[] ReceiverReportWithSdes(uint ssrc = 0x01020304)
    {
        var data = new byte[32 + 16];
        data[0] = 0x81;
        data[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), 7);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), ssrc);
        var sdes = data.AsSpan(32);
        sdes[0] = 0x81;
        sdes[1] = 202;
        BinaryPrimitives.WriteUInt16BigEndian(sdes[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(sdes[4..], ssrc);
        sdes[8] = 1;
        sdes[9] = 3;
        sdes[10] = (byte)'a';
        sdes[11] = (byte)'b';
        sdes[12] = (byte)'c';
        return data;
    }

    [Fact]
    public void DetectsRtcpAndItsType()
    {
        var rr = ReceiverReportWithSdes();
        Assert.True(RtcpPacket.IsRtcp(rr));
        Assert.True(RtcpPacket.TryGetFirstType(rr, out var type));
        Assert.Equal(RtcpPacketType.ReceiverReport, type);
        Assert.Equal(0x01020304u, RtcpPacket.GetSenderSsrc(rr));
        Assert.True(RtcpPacket.IsValidCompound(rr));
    }

    [Fact]
    public void RtpWithPayloadType0IsNotRtcp()
    {
        var rtp = new byte[172];
        RtpHeader.Write(rtp, 0, true, 1, 1, 1);
        Assert.False(RtcpPacket.IsRtcp(rtp));
    }

    [Fact]
    public void RefusesBadCompounds()
    {
        var rr = ReceiverReportWithSdes();
        Assert.False(RtcpPacket.IsValidCompound(rr.AsSpan(0, 40)));
        var bad = (byte[])rr.Clone();
        bad[32] = 0x41;
        Assert.False(RtcpPacket.IsValidCompound(bad));
        var padded = (byte[])rr.Clone();
        padded[0] |= 0x20;
        Assert.False(RtcpPacket.IsValidCompound(padded));
    }

    [Fact]
    public void RewritesSenderSsrcOfReports()
    {
        var rr = ReceiverReportWithSdes();
        RtcpPacket.RewriteSenderSsrc(rr, 0xAABBCCDD);
        Assert.Equal(0xAABBCCDDu, RtcpPacket.GetSenderSsrc(rr));
        Assert.Equal(0x01020304u, BinaryPrimitives.ReadUInt32BigEndian(rr.AsSpan(36)));
    }
}
