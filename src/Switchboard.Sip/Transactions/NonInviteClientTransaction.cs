using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// Non-INVITE client transaction (RFC 3261 §17.1.2): Trying (Timer E retransmits on UDP, doubling up to T2;
/// Timer F gives up) -> 1xx -> Proceeding (E every T2) -> final -> Completed (Timer K, T4 on UDP, 0 on reliable
/// transports; retransmitted finals absorbed) -> Terminated.
/// </summary>
internal sealed class NonInviteClientTransaction : ClientTransaction
{
    private static readonly Action<object?> TimerECallback = static s => ((NonInviteClientTransaction)s!).OnTimerE();
    private static readonly Action<object?> TimerFCallback = static s => ((NonInviteClientTransaction)s!).OnTimerF();
    private static readonly Action<object?> TimerKCallback = static s => ((NonInviteClientTransaction)s!).OnTimerK();

    public NonInviteClientTransaction(TransactionLayer layer, SipMessage request, RetainedBytes bytes, in SipPeer peer, IClientTransactionUser user)
        : base(layer, request, bytes, peer, user, TransactionState.Trying)
    {
    }

    private protected override void StartTimersLocked()
    {
        if (!Peer.IsReliable)
        {
            Interval = Layer.Timers.T1;
            RetransmitTimer = Schedule(Interval, TimerECallback);
        }

        TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, TimerFCallback);
    }

    private protected override ResponseStep OnResponseLocked(SipMessage response)
    {
        int status = response.StatusCode;
        TransactionState state = State;
        if (state is not (TransactionState.Trying or TransactionState.Proceeding))
        {
            Layer.Statistics.RetransmissionReceived();
            return ResponseStep.Absorb;
        }

        LastStatusCode = status;
        if (status < 200)
        {
            SetState(TransactionState.Proceeding);
            return ResponseStep.Deliver;
        }

        RetransmitTimer.Cancel();
        TimeoutTimer.Cancel();
        if (Peer.IsReliable)
        {
            TerminateLocked(); // Timer K = 0
            return ResponseStep.Deliver | ResponseStep.Finish;
        }

        SetState(TransactionState.Completed);
        TimeoutTimer = Schedule(Layer.Timers.T4, TimerKCallback);
        return ResponseStep.Deliver;
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            TransactionState state = State;
            if (state is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            if (Retransmit())
            {
                Interval = state == TransactionState.Proceeding ? Layer.Timers.T2 : Layer.Timers.DoubleCapped(Interval);
                RetransmitTimer = Schedule(Interval, TimerECallback);
                return;
            }

            TerminateLocked();
        }

        Fail(TransactionFailure.TransportError);
    }

    private void OnTimerF()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding) || !TerminateLocked())
            {
                return;
            }
        }

        Fail(TransactionFailure.Timeout);
    }

    private void OnTimerK()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed || !TerminateLocked())
            {
                return;
            }
        }

        Finish();
    }
}
