using System.Buffers.Binary;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// One RFC 4733 telephone-event payload (§2.3): event code, end bit, volume (0-63, -dBm0) and duration in RTP
/// timestamp units since the event began.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        // Several events may be stacked (RFC 4733 §2.5.1.5 redundancy is via RFC 2198, not here); take the first 4 bytes.
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public int Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length);
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }
}
