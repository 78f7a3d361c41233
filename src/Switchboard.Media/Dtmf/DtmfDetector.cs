using Switchboard.Media.Rtp;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into digits, each reported exactly once. All packets of one
/// event share its RTP timestamp (§2.5.1), so the timestamp identifies the event: the first packet seen reports
/// begin, the first end packet reports end, and the usual three end retransmissions and late duplicates are
/// ignored. An event whose end packets are all lost is ended when a new event starts, when audio packets show that
/// more than <c>dtmftimeout</c> samples passed (Asterisk's rtp.conf default 3000), or by <see cref="Flush"/>.
/// No allocation; one instance per receiving leg, used from its receive thread.
/// </summary>
public sealed class DtmfDetector
{
    private readonly IDtmfReceiver _receiver;
    private readonly int _clockRate;
    private readonly int _timeoutSamples;
    private bool _active;
    private uint _activeTimestamp;
    private char _activeDigit;
    private int _activeDuration;
    private bool _haveEnded;
    private uint _endedTimestamp;

    public DtmfDetector(IDtmfReceiver receiver, int clockRate = 8000, int timeoutSamples = 3000)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1);
        _receiver = receiver;
        _clockRate = clockRate;
        _timeoutSamples = timeoutSamples;
    }

    /// <summary>Digits reported (begin count).</summary>
    public long DigitsDetected { get; private set; }

    /// <summary>True while a digit has begun and not ended.</summary>
    public bool InProgress => _active;

    /// <summary>Processes one telephone-event payload with its RTP timestamp. Returns false for a malformed payload.</summary>
    public bool Process(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryParse(payload, out var ev))
        {
            return false;
        }

        if (!DtmfDigits.TryGetDigit(ev.Event, out char digit))
        {
            // Not a DTMF event (tones, line events): valid but not ours.
            return true;
        }

        if (_haveEnded && rtpTimestamp == _endedTimestamp)
        {
            return true;
        }

        if (_active && rtpTimestamp != _activeTimestamp)
        {
            if (RtpSequence.IsNewerTimestamp(_activeTimestamp, rtpTimestamp))
            {
                // A late packet of an earlier event: ignore.
                return true;
            }

            EndActive();
        }

        if (!_active)
        {
            if (_haveEnded && RtpSequence.IsNewerTimestamp(_endedTimestamp, rtpTimestamp))
            {
                return true;
            }

            _active = true;
            _activeTimestamp = rtpTimestamp;
            _activeDigit = digit;
            _activeDuration = 0;
            DigitsDetected++;
            _receiver.OnDtmfBegin(digit);
        }

        if (ev.Duration > _activeDuration)
        {
            _activeDuration = ev.Duration;
        }

        if (ev.End)
        {
            EndActive();
        }

        return true;
    }

    /// <summary>Called for audio packets: ends a digit whose end packets were lost once the timeout has passed.</summary>
    public void OnAudio(uint rtpTimestamp)
    {
        if (_active && (long)(int)(rtpTimestamp - _activeTimestamp) > (long)_activeDuration + _timeoutSamples)
        {
            EndActive();
        }
    }

    /// <summary>Ends a digit still in progress (stream stopped or re-negotiated).</summary>
    public void Flush()
    {
        if (_active)
        {
            EndActive();
        }
    }

    private void EndActive()
    {
        _active = false;
        _haveEnded = true;
        _endedTimestamp = _activeTimestamp;
        _receiver.OnDtmfEnd(_activeDigit, (int)((long)_activeDuration * 1000 / _clockRate));
    }
}
