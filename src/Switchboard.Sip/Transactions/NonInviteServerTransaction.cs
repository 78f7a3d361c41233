using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Non-INVITE server transaction (RFC 3261 §17.2.2): Trying -> 1xx -> Proceeding -> final -> Completed (Timer J,
/// 64*T1 on UDP, 0 on reliable transports) -> Terminated. Retransmitted requests get the last response again.
/// </summary>
internal sealed class NonInviteServerTransaction : ServerTransaction
{
    private static readonly Action<object?> TimerJCallback = static s => ((NonInviteServerTransaction)s!).OnTimerJ();
    private static readonly Action<object?> GuardCallback = static s => ((NonInviteServerTransaction)s!).OnGuardTimer();

    public NonInviteServerTransaction(TransactionLayer layer, SipMessage request, in SipPeer peer)
        : base(layer, request, peer, TransactionState.Trying)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            if (State is TransactionState.Trying or TransactionState.Proceeding)
            {
                GuardTimer = Schedule(Layer.Timers.EffectiveNonInviteAnswerLimit, GuardCallback);
            }
        }
    }

    internal override bool OnRetransmission()
    {
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return false;
            }

            Layer.Statistics.RetransmissionReceived();
            if (State == TransactionState.Trying || Retransmit())
            {
                return true;
            }

            TerminateLocked();
        }

        AfterLock(TransactionFailure.TransportError, finish: true);
        return true;
    }

    private protected override bool SendResponseLocked(int status, ReadOnlySpan<byte> response, out TransactionFailure? failure, out bool finish)
    {
        failure = null;
        finish = false;
        if (State is not (TransactionState.Trying or TransactionState.Proceeding))
        {
            return false;
        }

        if (!Transmit(response))
        {
            finish = TerminateLocked();
            failure = TransactionFailure.TransportError;
            return false;
        }

        LastStatusCode = status;
        if (status < 200)
        {
            LastResponse.Set(response);
            SetState(TransactionState.Proceeding);
            return true;
        }

        GuardTimer.Cancel();
        ReleaseRequestLocked();
        if (Peer.IsReliable)
        {
            finish = TerminateLocked(); // Timer J = 0
            return true;
        }

        LastResponse.Set(response);
        SetState(TransactionState.Completed);
        TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, TimerJCallback);
        return true;
    }

    private void OnTimerJ()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed || !TerminateLocked())
            {
                return;
            }
        }

        AfterLock(null, finish: true);
    }

    private void OnGuardTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding) || !TerminateLocked())
            {
                return;
            }
        }

        AfterLock(TransactionFailure.NotAnswered, finish: true);
    }
}
