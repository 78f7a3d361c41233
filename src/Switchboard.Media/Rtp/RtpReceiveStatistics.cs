namespace Switchboard.Media.Rtp;

/// <summary>
/// Reception statistics of one RTP source as RFC 3550 defines them: extended highest sequence number with wrap
/// counting and resynchronisation after a large jump (A.1), cumulative loss and the per-interval fraction lost
/// (A.3), and interarrival jitter J += (|D| - J) / 16 in timestamp units (A.8). A new SSRC restarts the
/// statistics. Used from one receive thread; no allocation.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulus = 1 << 16;

    private readonly int _clockRate;
    private readonly double _unitsPerTick;
    private bool _started;
    private uint _ssrc;
    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private int _badSeq = SequenceModulus + 1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _jitter;
    private int _lastTransit;
    private bool _haveTransit;
    private long _origin;

    /// <param name="clockRate">RTP clock rate of the stream (8000 for G.711).</param>
    /// <param name="timestampFrequency">Frequency of the arrival timestamps (TimeProvider.TimestampFrequency).</param>
    public RtpReceiveStatistics(int clockRate, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, 1);
        _clockRate = clockRate;
        _unitsPerTick = clockRate / (double)timestampFrequency;
    }

    public uint Ssrc => _ssrc;

    public int ClockRate => _clockRate;

    /// <summary>Packets counted (in sequence or reordered, excluding those dropped by the resync rule).</summary>
    public long PacketsReceived => _received;

    /// <summary>Extended highest sequence number received (cycles + highest).</summary>
    public long ExtendedHighestSequence => _cycles + _maxSeq;

    /// <summary>Packets expected from the first sequence number to the highest.</summary>
    public long PacketsExpected => _started ? ExtendedHighestSequence - _baseSeq + 1 : 0;

    /// <summary>Cumulative number of packets lost (negative when duplicates arrived).</summary>
    public long CumulativeLost => PacketsExpected - _received;

    /// <summary>Interarrival jitter in RTP timestamp units.</summary>
    public double Jitter => _jitter;

    public double JitterMilliseconds => _jitter * 1000.0 / _clockRate;

    /// <summary>
    /// Counts one packet. <paramref name="arrivalTimestamp"/> is the receive time in the units given to the
    /// constructor. Returns false when the packet was not counted (start of a large sequence jump).
    /// Pass <paramref name="updateJitter"/> false for packets whose timestamp is not a sampling instant
    /// (telephone-event continuation packets repeat one timestamp).
    /// </summary>
    public bool Update(uint ssrc, ushort sequenceNumber, uint rtpTimestamp, long arrivalTimestamp, bool updateJitter = true)
    {
        if (!_started || ssrc != _ssrc)
        {
            Restart(ssrc, sequenceNumber, arrivalTimestamp);
        }
        else if (!UpdateSequence(sequenceNumber))
        {
            return false;
        }

        _received++;
        if (updateJitter)
        {
            UpdateJitter(rtpTimestamp, arrivalTimestamp);
        }

        return true;
    }

    /// <summary>RFC 3550 A.3: fraction of packets lost since the previous call, as an 8-bit fixed-point number.</summary>
    public byte TakeFractionLost()
    {
        long expected = PacketsExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval <= 0 || lostInterval <= 0)
        {
            return 0;
        }

        return (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void Restart(uint ssrc, ushort seq, long arrival)
    {
        _started = true;
        _ssrc = ssrc;
        _baseSeq = seq;
        _maxSeq = seq;
        _cycles = 0;
        _badSeq = SequenceModulus + 1;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _jitter = 0;
        _haveTransit = false;
        _origin = arrival;
    }

    private bool UpdateSequence(ushort seq)
    {
        int forward = (ushort)(seq - _maxSeq);
        if (forward < MaxDropout)
        {
            // In order, possibly with a gap; a smaller number means the 16-bit counter wrapped.
            if (seq < _maxSeq)
            {
                _cycles += SequenceModulus;
            }

            _maxSeq = seq;
            return true;
        }

        if (forward <= SequenceModulus - MaxMisorder)
        {
            // A very large jump: accept it only when the next packet follows it (the source restarted).
            if (seq == _badSeq)
            {
                _maxSeq = seq;
                _baseSeq = seq;
                _cycles = 0;
                _badSeq = SequenceModulus + 1;
                _received = 0;
                _expectedPrior = 0;
                _receivedPrior = 0;
                return true;
            }

            _badSeq = (seq + 1) & (SequenceModulus - 1);
            return false;
        }

        // Duplicate or reordered packet within the misorder window: counted, highest unchanged.
        return true;
    }

    private void UpdateJitter(uint rtpTimestamp, long arrival)
    {
        long units = (long)((arrival - _origin) * _unitsPerTick);
        int transit = (int)((uint)units - rtpTimestamp);
        if (_haveTransit)
        {
            int d = transit - _lastTransit;
            if (d < 0)
            {
                d = -d;
            }

            _jitter += (d - _jitter) / 16.0;
        }

        _lastTransit = transit;
        _haveTransit = true;
    }
}
