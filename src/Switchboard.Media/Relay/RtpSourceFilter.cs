using System.Net;

namespace Switchboard.Media.Relay;

/// <summary>
/// Decides which source address a leg accepts RTP from, following Asterisk's strictrtp semantics:
/// <list type="bullet">
/// <item>no: every packet is accepted; the current source is the last one seen.</item>
/// <item>yes: after the remote address is set (from SDP) the filter is learning. A packet from that address locks
/// onto it at once; another address is accepted only after <c>probation</c> packets with consecutive sequence
/// numbers (rtp.conf, default 4), then the filter locks onto it. Once locked, packets from any other address are
/// dropped until the remote address is set again (re-INVITE).</item>
/// <item>seqno: as yes, but a locked filter follows a new address whose first packet continues the sequence.</item>
/// </list>
/// Used from the leg's receive thread; the learned source is published for the sending side with a volatile write.
/// Allocates only when it learns a new source.
/// </summary>
public sealed class RtpSourceFilter
{
    private readonly StrictRtpMode _mode;
    private readonly int _probation;
    private SocketAddress? _expected;
    private SocketAddress? _source;
    private SocketAddress? _candidate;
    private bool _learning = true;
    private int _candidateCount;
    private ushort _candidateSeq;
    private ushort _lastSeq;
    private bool _haveLastSeq;

    public RtpSourceFilter(StrictRtpMode mode, int probation = 4)
    {
        _mode = mode;
        _probation = Math.Max(1, probation);
    }

    public StrictRtpMode Mode => _mode;

    /// <summary>The accepted source (learned or locked), null before the first accepted packet.</summary>
    public SocketAddress? Source => Volatile.Read(ref _source);

    /// <summary>True while strict RTP is still learning.</summary>
    public bool IsLearning => _mode != StrictRtpMode.No && _learning;

    public long Dropped { get; private set; }

    /// <summary>Sets the address announced in SDP (null when unknown or on hold) and restarts learning.</summary>
    public void SetExpected(SocketAddress? expected)
    {
        _expected = expected;
        _learning = true;
        _candidate = null;
        _candidateCount = 0;
        _haveLastSeq = false;
    }

    public RtpSourceDecision Check(SocketAddress source, ushort sequenceNumber)
    {
        var current = _source;
        if (_mode == StrictRtpMode.No)
        {
            if (SocketAddresses.Same(current, source))
            {
                return Accepted(sequenceNumber, RtpSourceDecision.Accept);
            }

            Publish(source);
            return Accepted(sequenceNumber, RtpSourceDecision.Learned);
        }

        if (!_learning)
        {
            if (SocketAddresses.Same(current, source))
            {
                return Accepted(sequenceNumber, RtpSourceDecision.Accept);
            }

            if (_mode == StrictRtpMode.SeqNo && _haveLastSeq && sequenceNumber == (ushort)(_lastSeq + 1))
            {
                Publish(source);
                return Accepted(sequenceNumber, RtpSourceDecision.Learned);
            }

            Dropped++;
            return RtpSourceDecision.Drop;
        }

        if (SocketAddresses.Same(_expected, source) || SocketAddresses.Same(current, source))
        {
            // From the signalled address (or the one already in use): lock at once.
            _learning = false;
            bool changed = !SocketAddresses.Same(current, source);
            if (changed)
            {
                Publish(source);
            }

            return Accepted(sequenceNumber, changed ? RtpSourceDecision.Learned : RtpSourceDecision.Accept);
        }

        if (_candidate is not null && SocketAddresses.Same(_candidate, source) && sequenceNumber == (ushort)(_candidateSeq + 1))
        {
            _candidateCount++;
        }
        else
        {
            _candidate = SocketAddresses.Same(_candidate, source) ? _candidate : SocketAddresses.Copy(source);
            _candidateCount = 1;
        }

        _candidateSeq = sequenceNumber;
        if (_candidateCount >= _probation)
        {
            _learning = false;
            Volatile.Write(ref _source, _candidate);
            _candidate = null;
            return Accepted(sequenceNumber, RtpSourceDecision.Learned);
        }

        Dropped++;
        return RtpSourceDecision.Drop;
    }

    private RtpSourceDecision Accepted(ushort sequenceNumber, RtpSourceDecision decision)
    {
        _lastSeq = sequenceNumber;
        _haveLastSeq = true;
        return decision;
    }

    private void Publish(SocketAddress source) => Volatile.Write(ref _source, SocketAddresses.Copy(source));
}
