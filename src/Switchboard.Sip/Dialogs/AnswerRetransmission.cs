using Switchboard.Common.Timing;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// RFC 3261 §13.3.1.4: the UAS core re-sends a 2xx to INVITE (on unreliable transports) at T1, doubling up to T2,
/// until the ACK arrives; after 64*T1 without one it gives up and tells the dialog's user.
/// </summary>
internal sealed class AnswerRetransmission
{
    private static readonly Action<object?> RetransmitCallback = static s => ((AnswerRetransmission)s!).OnRetransmitTimer();
    private static readonly Action<object?> GiveUpCallback = static s => ((AnswerRetransmission)s!).OnGiveUpTimer();

    private readonly Lock _gate = new();
    private readonly Dialog _dialog;
    private readonly TransactionLayer _layer;
    private readonly SipPeer _peer;
    private RetainedBytes _response;
    private TimerHandle _retransmitTimer;
    private TimerHandle _giveUpTimer;
    private TimeSpan _interval;
    private bool _done;

    public AnswerRetransmission(Dialog dialog, TransactionLayer layer, ReadOnlySpan<byte> response, in SipPeer peer, uint cseq)
    {
        _dialog = dialog;
        _layer = layer;
        _peer = peer;
        CSeq = cseq;
        _response.Set(response);
    }

    /// <summary>The CSeq number of the answered INVITE; the ACK carries the same.</summary>
    public uint CSeq { get; }

    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return !_done;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (!_peer.IsReliable)
            {
                _interval = _layer.Timers.T1;
                _retransmitTimer = _layer.Wheel.Schedule(_interval, RetransmitCallback, this);
            }

            _giveUpTimer = _layer.Wheel.Schedule(_layer.Timers.SixtyFourT1, GiveUpCallback, this);
        }
    }

    /// <summary>Stops without reporting (ACK received, dialog ended, or replaced).</summary>
    public bool Stop()
    {
        lock (_gate)
        {
            if (_done)
            {
                return false;
            }

            StopLocked();
            return true;
        }
    }

    private void StopLocked()
    {
        _done = true;
        _retransmitTimer.Cancel();
        _giveUpTimer.Cancel();
        _response.Release();
    }

    private void OnRetransmitTimer()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            _layer.Statistics.RetransmissionSent();
            if (_layer.Sender.Send(_peer, _response.Span))
            {
                _interval = _layer.Timers.DoubleCapped(_interval);
                _retransmitTimer = _layer.Wheel.Schedule(_interval, RetransmitCallback, this);
                return;
            }

            StopLocked();
        }

        _dialog.User?.OnAckNotReceived(_dialog, TransactionFailure.TransportError);
    }

    private void OnGiveUpTimer()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            StopLocked();
        }

        _layer.Statistics.Failure(TransactionFailure.Timeout);
        _dialog.User?.OnAckNotReceived(_dialog, TransactionFailure.Timeout);
    }
}
