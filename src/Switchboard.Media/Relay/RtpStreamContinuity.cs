using Switchboard.Media.Rtp;

namespace Switchboard.Media.Relay;

/// <summary>
/// Keeps the stream a leg sends continuous when what feeds it changes (relay from another leg, a prompt, music on
/// hold, DTMF generation): the first source's SSRC is kept, and when a packet arrives with a different SSRC the
/// sequence number continues from the last one sent and the timestamp advances by the elapsed time, with the marker
/// bit set. While one source continues, packets pass untouched (only the SSRC is rewritten after a switch).
/// If the first outgoing SSRC equals the SSRC the remote sends (Echo), a fresh SSRC is used to avoid a collision
/// (RFC 3550 §8.2). No allocation.
/// </summary>
public sealed class RtpStreamContinuity
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private bool _started;
    private uint _outSsrc;
    private uint _inSsrc;
    private ushort _seqOffset;
    private uint _tsOffset;
    private ushort _lastSeq;
    private uint _lastTs;
    private long _lastSent;
    private bool _resync;

    public RtpStreamContinuity(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Clock rate used to turn elapsed time into timestamp units at a source switch.</summary>
    public int ClockRate { get; set; } = 8000;

    /// <summary>The SSRC the remote sends (set by the leg) to detect collisions.</summary>
    public uint RemoteSsrc { get; set; }

    public bool HasRemoteSsrc { get; set; }

    public uint OutputSsrc => _outSsrc;

    /// <summary>True while the stream leaves exactly as it arrives (no SSRC, sequence or timestamp rewritten).</summary>
    public bool IsUntouched
    {
        get
        {
            lock (_gate)
            {
                return !_started || (_seqOffset == 0 && _tsOffset == 0 && _inSsrc == _outSsrc);
            }
        }
    }

    /// <summary>
    /// Packets of the current source were sent without passing here (the kernel forwarded them): the last sequence
    /// number and timestamp sent are unknown. The current source continues untouched; a new source starts a new SSRC
    /// (with the marker) instead of continuing numbers the remote has already seen past.
    /// </summary>
    public void Resynchronize()
    {
        lock (_gate)
        {
            _resync = _started;
        }
    }

    /// <summary>Rewrites <paramref name="packet"/> in place when needed. The packet must be a valid RTP packet.</summary>
    public void Apply(Span<byte> packet) => Apply(packet, _time.GetTimestamp());

    /// <summary>As <see cref="Apply(Span{byte})"/> with the current timestamp of the <see cref="TimeProvider"/> given.</summary>
    public void Apply(Span<byte> packet, long now)
    {
        uint ssrc = RtpHeader.GetSsrc(packet);
        ushort seq = RtpHeader.GetSequenceNumber(packet);
        uint ts = RtpHeader.GetTimestamp(packet);
        lock (_gate)
        {
            if (!_started)
            {
                _started = true;
                _inSsrc = ssrc;
                _outSsrc = HasRemoteSsrc && ssrc == RemoteSsrc ? NewSsrc(ssrc) : ssrc;
                _seqOffset = 0;
                _tsOffset = 0;
            }
            else if (_resync && ssrc != _inSsrc)
            {
                _resync = false;
                _inSsrc = ssrc;
                _outSsrc = ssrc == _outSsrc || (HasRemoteSsrc && ssrc == RemoteSsrc) ? NewSsrc(ssrc) : ssrc;
                _seqOffset = 0;
                _tsOffset = 0;
                RtpHeader.SetMarker(packet, true);
            }
            else if (ssrc != _inSsrc)
            {
                _inSsrc = ssrc;
                long elapsedUnits = (long)(_time.GetElapsedTime(_lastSent, now).TotalSeconds * ClockRate);
                uint advance = (uint)Math.Clamp(elapsedUnits, 1, int.MaxValue);
                _seqOffset = (ushort)(_lastSeq + 1 - seq);
                _tsOffset = _lastTs + advance - ts;
                RtpHeader.SetMarker(packet, true);
            }
            else
            {
                _resync = false;
            }

            ushort outSeq = (ushort)(seq + _seqOffset);
            uint outTs = ts + _tsOffset;
            if (_seqOffset != 0)
            {
                RtpHeader.SetSequenceNumber(packet, outSeq);
            }

            if (_tsOffset != 0)
            {
                RtpHeader.SetTimestamp(packet, outTs);
            }

            if (ssrc != _outSsrc)
            {
                RtpHeader.SetSsrc(packet, _outSsrc);
            }

            _lastSeq = outSeq;
            _lastTs = outTs;
            _lastSent = now;
        }
    }

    private static uint NewSsrc(uint avoid)
    {
        uint ssrc;
        do
        {
            ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        }
        while (ssrc == avoid);
        return ssrc;
    }
}
