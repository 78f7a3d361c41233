using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// RTCP detection and compound-packet validation (RFC 3550 §6, §A.2; RFC 5761 §4 for telling RTCP from RTP on
/// one port: the second byte of RTCP is a packet type 192-223, which as RTP would be marker + payload type 64-95).
/// </summary>
public static class RtcpPacket
{
    public const int HeaderLength = 4;

    /// <summary>True when the datagram looks like RTCP (version 2, packet type 192-223).</summary>
    public static bool IsRtcp(ReadOnlySpan<byte> data) =>
        data.Length >= HeaderLength + 4 && data[0] >> 6 == 2 && data[1] is >= 192 and <= 223;

    /// <summary>Packet type of the first packet in a compound RTCP datagram.</summary>
    public static bool TryGetFirstType(ReadOnlySpan<byte> data, out RtcpPacketType type)
    {
        if (!IsRtcp(data))
        {
            type = 0;
            return false;
        }

        type = (RtcpPacketType)data[1];
        return true;
    }

    /// <summary>Sender SSRC of the first packet (bytes 4-7).</summary>
    public static uint GetSenderSsrc(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32BigEndian(data[4..]);

    /// <summary>
    /// Validates a compound packet as RFC 3550 A.2 describes: every sub-packet is version 2, the lengths add up
    /// exactly to the datagram, only the last may have padding, and the first is SR or RR (or a feedback / BYE
    /// packet, which real peers also send first).
    /// </summary>
    public static bool IsValidCompound(ReadOnlySpan<byte> data)
    {
        if (!IsRtcp(data))
        {
            return false;
        }

        int offset = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < HeaderLength || data[offset] >> 6 != 2)
            {
                return false;
            }

            int length = (BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]) + 1) * 4;
            bool padding = (data[offset] & 0x20) != 0;
            if (length > data.Length - offset)
            {
                return false;
            }

            offset += length;
            if (padding && offset != data.Length)
            {
                return false;
            }
        }

        return offset == data.Length;
    }

    /// <summary>Rewrites the sender SSRC of every sub-packet that carries one at bytes 4-7 (SR, RR, BYE's first, feedback).</summary>
    public static void RewriteSenderSsrc(Span<byte> data, uint ssrc)
    {
        int offset = 0;
        while (data.Length - offset >= HeaderLength + 4)
        {
            int length = (BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]) + 1) * 4;
            byte type = data[offset + 1];
            if (type is 200 or 201 or 205 or 206 or 207)
            {
                BinaryPrimitives.WriteUInt32BigEndian(data[(offset + 4)..], ssrc);
            }

            if (length <= 0 || length > data.Length - offset)
            {
                return;
            }

            offset += length;
        }
    }
}
