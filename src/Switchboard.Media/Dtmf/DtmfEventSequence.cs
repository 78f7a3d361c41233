namespace Switchboard.Media.Dtmf;

/// <summary>
/// The packets that send one digit as RFC 4733 §2.5.1 describes: all carry the event's start timestamp; the first
/// has the marker bit; each following one (one per packet interval) carries the growing duration; the final
/// duration is sent with the end bit three times. A 100 ms digit at 20 ms intervals is 4 + 3 = 7 packets.
/// </summary>
public readonly struct DtmfEventSequence
{
    public const int EndRepeats = 3;

    private readonly byte _event;
    private readonly byte _volume;
    private readonly int _samplesPerPacket;
    private readonly int _updates;

    public DtmfEventSequence(char digit, int durationMs = 100, int packetIntervalMs = 20, int clockRate = 8000, byte volume = 10)
    {
        if (!DtmfDigits.TryGetEvent(digit, out _event))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF digit");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(packetIntervalMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(durationMs, packetIntervalMs);
        _volume = (byte)Math.Min(volume, (byte)63);
        _samplesPerPacket = clockRate * packetIntervalMs / 1000;
        int intervals = durationMs / packetIntervalMs;
        _updates = intervals - 1;
        Duration = (ushort)Math.Min(ushort.MaxValue, intervals * _samplesPerPacket);
    }

    /// <summary>Total packets including the three end packets.</summary>
    public int PacketCount => _updates + EndRepeats;

    /// <summary>Final duration in timestamp units.</summary>
    public ushort Duration { get; }

    /// <summary>Writes packet <paramref name="index"/>'s 4-byte payload; <paramref name="marker"/> is set on the first.</summary>
    public int WritePayload(int index, Span<byte> payload, out bool marker)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)PacketCount);
        marker = index == 0;
        bool end = index >= _updates;
        ushort duration = end ? Duration : (ushort)((index + 1) * _samplesPerPacket);
        return new TelephoneEvent(_event, end, _volume, duration).Write(payload);
    }
}
