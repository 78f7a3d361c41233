using Switchboard.Media.Rtp;

namespace Switchboard.Media.Players;

/// <summary>
/// Numbers locally generated RTP (prompts, music on hold, generated DTMF): one SSRC, sequence numbers and
/// timestamps starting at random values (RFC 3550 §5.1) and advancing per packet. No allocation.
/// </summary>
public sealed class RtpPacketizer
{
    private ushort _sequence;
    private uint _timestamp;

    public RtpPacketizer(uint? ssrc = null, Random? random = null)
    {
        var r = random ?? Random.Shared;
        Ssrc = ssrc ?? (uint)r.NextInt64(1, uint.MaxValue);
        _sequence = (ushort)r.Next(0, 65536);
        _timestamp = (uint)r.NextInt64(0, uint.MaxValue);
    }

    public uint Ssrc { get; }

    public ushort NextSequence => _sequence;

    public uint Timestamp => _timestamp;

    /// <summary>Writes header + payload into <paramref name="packet"/>; returns the packet length. Does not advance the timestamp.</summary>
    public int Write(Span<byte> packet, int payloadType, bool marker, ReadOnlySpan<byte> payload, uint timestamp)
    {
        int header = RtpHeader.Write(packet, payloadType, marker, _sequence++, timestamp, Ssrc);
        payload.CopyTo(packet[header..]);
        return header + payload.Length;
    }

    /// <summary>Writes an audio packet at the current timestamp and advances it by <paramref name="timestampUnits"/>.</summary>
    public int WriteAudio(Span<byte> packet, int payloadType, bool marker, ReadOnlySpan<byte> payload, int timestampUnits)
    {
        int n = Write(packet, payloadType, marker, payload, _timestamp);
        _timestamp += (uint)timestampUnits;
        return n;
    }

    /// <summary>Advances the timestamp without sending (time that passed in silence).</summary>
    public void Skip(int timestampUnits) => _timestamp += (uint)timestampUnits;
}
