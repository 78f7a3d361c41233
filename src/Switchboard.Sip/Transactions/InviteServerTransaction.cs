using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 §17.2.1 with RFC 6026): Proceeding -> 2xx -> Accepted (Timer L) ->
/// Terminated; Proceeding -> 3xx-6xx -> Completed (Timer G retransmits on UDP, Timer H gives up) -> ACK ->
/// Confirmed (Timer I) -> Terminated. Sends 100 Trying itself when the TU is silent for 200 ms.
/// </summary>
internal sealed class InviteServerTransaction : ServerTransaction
{
    private static readonly Action<object?> TimerGCallback = static s => ((InviteServerTransaction)s!).OnTimerG();
    private static readonly Action<object?> TimerHCallback = static s => ((InviteServerTransaction)s!).OnTimerH();
    private static readonly Action<object?> EndCallback = static s => ((InviteServerTransaction)s!).OnEndTimer();
    private static readonly Action<object?> TryingCallback = static s => ((InviteServerTransaction)s!).OnTryingTimer();
    private static readonly Action<object?> GuardCallback = static s => ((InviteServerTransaction)s!).OnGuardTimer();

    private TimeSpan _interval;

    public InviteServerTransaction(TransactionLayer layer, SipMessage request, in SipPeer peer)
        : base(layer, request, peer, TransactionState.Proceeding)
    {
        layer.Statistics.InviteEnteredProceeding();
    }

    internal override void Start()
    {
        lock (Gate)
        {
            if (State != TransactionState.Proceeding)
            {
                return;
            }

            if (Layer.Timers.AutoTryingDelay is { } delay && LastStatusCode == 0)
            {
                RetransmitTimer = Schedule(delay, TryingCallback);
            }

            GuardTimer = Schedule(Layer.Timers.InviteAnswerLimit, GuardCallback);
        }
    }

    internal override bool OnRetransmission()
    {
        bool ok;
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Proceeding:
                case TransactionState.Completed:
                    Layer.Statistics.RetransmissionReceived();
                    ok = Retransmit();
                    break;
                case TransactionState.Accepted:
                case TransactionState.Confirmed:
                    // RFC 6026 §8.5: in Accepted the 2xx is retransmitted by the TU, not the transaction
                    Layer.Statistics.RetransmissionReceived();
                    return true;
                default:
                    return false;
            }

            if (ok)
            {
                return true;
            }

            TerminateLocked();
        }

        AfterLock(TransactionFailure.TransportError, finish: true);
        return true;
    }

    internal override ServerRequestDisposition OnAck()
    {
        bool finish = false;
        ServerRequestDisposition result;
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Completed:
                    SetState(TransactionState.Confirmed);
                    RetransmitTimer.Cancel();
                    TimeoutTimer.Cancel();
                    if (Peer.IsReliable)
                    {
                        finish = TerminateLocked();
                    }
                    else
                    {
                        TimeoutTimer = Schedule(Layer.Timers.T4, EndCallback);
                    }

                    result = ServerRequestDisposition.Absorbed;
                    break;
                case TransactionState.Confirmed:
                case TransactionState.Proceeding:
                    Layer.Statistics.RetransmissionReceived();
                    result = ServerRequestDisposition.Absorbed;
                    break;
                case TransactionState.Accepted:
                    result = ServerRequestDisposition.Ack; // RFC 6026 §8.7: passed to the TU
                    break;
                default:
                    return ServerRequestDisposition.Invalid;
            }
        }

        AfterLock(null, finish);
        return result;
    }

    private protected override bool SendResponseLocked(int status, ReadOnlySpan<byte> response, out TransactionFailure? failure, out bool finish)
    {
        failure = null;
        finish = false;
        TransactionState state = State;
        bool allowed = state == TransactionState.Proceeding || (state == TransactionState.Accepted && status is >= 200 and < 300);
        if (!allowed)
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
        if (state == TransactionState.Accepted)
        {
            return true; // a 2xx retransmission from the TU
        }

        if (status < 200)
        {
            LastResponse.Set(response);
            RetransmitTimer.Cancel(); // no automatic 100 any more
            return true;
        }

        RetransmitTimer.Cancel();
        GuardTimer.Cancel();
        ReleaseRequestLocked();
        if (status < 300)
        {
            LastResponse.Release();
            SetState(TransactionState.Accepted);
            TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, EndCallback); // Timer L
            return true;
        }

        LastResponse.Set(response);
        SetState(TransactionState.Completed);
        if (!Peer.IsReliable)
        {
            _interval = Layer.Timers.T1;
            RetransmitTimer = Schedule(_interval, TimerGCallback);
        }

        TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, TimerHCallback);
        return true;
    }

    private void OnTimerG()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }

            if (Retransmit())
            {
                _interval = Layer.Timers.DoubleCapped(_interval);
                RetransmitTimer = Schedule(_interval, TimerGCallback);
                return;
            }

            TerminateLocked();
        }

        AfterLock(TransactionFailure.TransportError, finish: true);
    }

    private void OnTimerH()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed || !TerminateLocked())
            {
                return;
            }
        }

        AfterLock(TransactionFailure.Timeout, finish: true);
    }

    /// <summary>Timer I (Confirmed) or Timer L (Accepted): the normal end.</summary>
    private void OnEndTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Confirmed or TransactionState.Accepted) || !TerminateLocked())
            {
                return;
            }
        }

        AfterLock(null, finish: true);
    }

    private void OnTryingTimer()
    {
        lock (Gate)
        {
            if (State != TransactionState.Proceeding || LastStatusCode != 0)
            {
                return;
            }

            ReadOnlySpan<byte> trying = BuildTrying();
            if (Transmit(trying))
            {
                LastStatusCode = 100;
                LastResponse.Set(trying);
                return;
            }

            TerminateLocked();
        }

        AfterLock(TransactionFailure.TransportError, finish: true);
    }

    private void OnGuardTimer()
    {
        lock (Gate)
        {
            if (State != TransactionState.Proceeding || !TerminateLocked())
            {
                return;
            }
        }

        AfterLock(TransactionFailure.NotAnswered, finish: true);
    }
}
