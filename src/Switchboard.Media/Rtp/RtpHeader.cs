using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>Writes a fixed RTP header and rewrites header fields in place (all span based, no allocation).</summary>
public static class RtpHeader
{
    /// <summary>Writes a 12-byte version-2 header (no padding, extension or CSRC) and returns 12.</summary>
    public static int Write(Span<byte> destination, int payloadType, bool marker, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, RtpPacket.FixedHeaderLength);
        destination[0] = 0x80;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return RtpPacket.FixedHeaderLength;
    }

    public static void SetPayloadType(Span<byte> packet, int payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));

    public static void SetMarker(Span<byte> packet, bool marker) =>
        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);

    public static void SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);

    public static void SetTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);

    public static void SetSsrc(Span<byte> packet, uint ssrc) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);

    public static ushort GetSequenceNumber(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);

    public static uint GetTimestamp(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);

    public static uint GetSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
}
