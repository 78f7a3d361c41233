using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Support;

/// <summary>Builds RTP packets for tests.</summary>
internal static class RtpBuilder
{
    public static byte[] Audio(int pt, ushort seq, uint ts, uint ssrc, int payloadBytes = 160, byte fill = 0x55, bool marker = false)
    {
        var p = new byte[12 + payloadBytes];
        RtpHeader.Write(p, pt, marker, seq, ts, ssrc);
        p.AsSpan(12).Fill(fill);
        return p;
    }

    public static byte[] Event(int pt, ushort seq, uint ts, uint ssrc, byte ev, bool end, ushort duration, bool marker = false)
    {
        var p = new byte[16];
        RtpHeader.Write(p, pt, marker, seq, ts, ssrc);
        new Switchboard.Media.Dtmf.TelephoneEvent(ev, end, 10, duration).Write(p.AsSpan(12));
        return p;
    }

    public static RtpPacketInfo Read(byte[] data)
    {
        Assert.True(RtpPacket.TryParse(data, out var p, out var error), error.ToString());
        return new RtpPacketInfo(p.PayloadType, p.Marker, p.SequenceNumber, p.Timestamp, p.Ssrc, p.Payload.ToArray());
    }
}

internal sealed record RtpPacketInfo(int PayloadType, bool Marker, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload);
