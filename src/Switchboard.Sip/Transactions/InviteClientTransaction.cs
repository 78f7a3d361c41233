using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// INVITE client transaction (RFC 3261 §17.1.1 with RFC 6026): Calling (Timer A retransmits on UDP, doubling;
/// Timer B gives up) -> 1xx -> Proceeding -> 2xx -> Accepted (Timer M; further 2xx go to the TU) or 3xx-6xx ->
/// Completed (the transaction ACKs, re-ACKs retransmissions; Timer D) -> Terminated.
/// </summary>
internal sealed class InviteClientTransaction : ClientTransaction
{
    private static readonly Action<object?> TimerACallback = static s => ((InviteClientTransaction)s!).OnTimerA();
    private static readonly Action<object?> TimerBCallback = static s => ((InviteClientTransaction)s!).OnTimeout(TransactionState.Calling);
    private static readonly Action<object?> CancelGuardCallback = static s => ((InviteClientTransaction)s!).OnTimeout(TransactionState.Proceeding);
    private static readonly Action<object?> EndCallback = static s => ((InviteClientTransaction)s!).OnEndTimer();

    private RetainedBytes _ack;
    private RetainedBytes _cancelReason;
    private bool _cancelRequested;
    private bool _cancelSent;

    public InviteClientTransaction(TransactionLayer layer, SipMessage request, RetainedBytes bytes, in SipPeer peer, IClientTransactionUser user)
        : base(layer, request, bytes, peer, user, TransactionState.Calling)
    {
    }

    /// <summary>The CANCEL transaction once it was sent.</summary>
    internal ClientTransaction? CancelTransaction { get; private set; }

    public override bool Cancel(ReadOnlySpan<byte> reason = default)
    {
        lock (Gate)
        {
            if (_cancelRequested)
            {
                return true;
            }

            if (State is not (TransactionState.Calling or TransactionState.Proceeding))
            {
                return false;
            }

            _cancelRequested = true;
            if (!reason.IsEmpty)
            {
                _cancelReason.Set(reason);
            }

            if (State == TransactionState.Calling)
            {
                return true; // deferred until a provisional response arrives (§9.1)
            }
        }

        SendPendingCancel();
        return true;
    }

    private protected override void StartTimersLocked()
    {
        if (!Peer.IsReliable)
        {
            Interval = Layer.Timers.T1;
            RetransmitTimer = Schedule(Interval, TimerACallback);
        }

        TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, TimerBCallback);
    }

    private protected override ResponseStep OnResponseLocked(SipMessage response)
    {
        int status = response.StatusCode;
        TransactionState state = State;
        if (status < 200)
        {
            if (state is not (TransactionState.Calling or TransactionState.Proceeding))
            {
                return ResponseStep.Absorb;
            }

            LastStatusCode = status;
            ResponseStep step = ResponseStep.Deliver;
            if (state == TransactionState.Calling)
            {
                SetState(TransactionState.Proceeding);
                RetransmitTimer.Cancel();
                TimeoutTimer.Cancel();
                if (_cancelRequested)
                {
                    step |= ResponseStep.SendCancel;
                }
            }

            return step;
        }

        if (status < 300)
        {
            if (state == TransactionState.Accepted)
            {
                return ResponseStep.Deliver; // RFC 6026 §8.4: retransmissions and other forks' 2xx go to the TU
            }

            if (state is not (TransactionState.Calling or TransactionState.Proceeding))
            {
                return ResponseStep.Absorb;
            }

            LastStatusCode = status;
            SetState(TransactionState.Accepted);
            RetransmitTimer.Cancel();
            TimeoutTimer.Cancel();
            TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, EndCallback); // Timer M
            return ResponseStep.Deliver;
        }

        if (state == TransactionState.Completed)
        {
            // retransmitted final: ACK again, do not bother the TU
            Layer.Statistics.RetransmissionReceived();
            Layer.Sender.Send(Peer, _ack.Span);
            return ResponseStep.Absorb;
        }

        if (state is not (TransactionState.Calling or TransactionState.Proceeding))
        {
            return ResponseStep.Absorb;
        }

        LastStatusCode = status;
        RetransmitTimer.Cancel();
        TimeoutTimer.Cancel();
        PooledBufferWriter buffer = TransactionScratch.Get();
        TransactionRequestWriter.WriteAck(new SipMessageWriter(buffer), Request, response);
        bool sent = Layer.Sender.Send(Peer, buffer.WrittenSpan);
        if (Peer.IsReliable || !sent)
        {
            TerminateLocked(); // Timer D = 0 on reliable transports
            return ResponseStep.Deliver | ResponseStep.Finish;
        }

        _ack.Set(buffer.WrittenSpan);
        SetState(TransactionState.Completed);
        TimeoutTimer = Schedule(Layer.Timers.TimerD, EndCallback);
        return ResponseStep.Deliver;
    }

    private protected override void SendPendingCancel()
    {
        PooledBufferWriter buffer;
        lock (Gate)
        {
            if (!_cancelRequested || _cancelSent || State != TransactionState.Proceeding)
            {
                return;
            }

            _cancelSent = true;
            buffer = new PooledBufferWriter(1024);
            TransactionRequestWriter.WriteCancel(new SipMessageWriter(buffer), Request, _cancelReason.Span);

            // §9.1: without a final response 64*T1 after the CANCEL, the INVITE transaction is given up.
            TimeoutTimer.Cancel();
            TimeoutTimer = Schedule(Layer.Timers.SixtyFourT1, CancelGuardCallback);
        }

        using (buffer)
        {
            CancelTransaction = Layer.SendRequest(buffer.WrittenSpan, Peer, IgnoringClientUser.Instance);
        }
    }

    private protected override void ReleaseLocked()
    {
        _ack.Release();
        _cancelReason.Release();
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (State != TransactionState.Calling)
            {
                return;
            }

            if (Retransmit())
            {
                Interval *= 2; // Timer A doubles without the T2 cap
                RetransmitTimer = Schedule(Interval, TimerACallback);
                return;
            }

            TerminateLocked();
        }

        Fail(TransactionFailure.TransportError);
    }

    private void OnTimeout(TransactionState expected)
    {
        lock (Gate)
        {
            if (State != expected || !TerminateLocked())
            {
                return;
            }
        }

        Fail(TransactionFailure.Timeout);
    }

    /// <summary>Timer D (Completed) or Timer M (Accepted): the normal end.</summary>
    private void OnEndTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Completed or TransactionState.Accepted) || !TerminateLocked())
            {
                return;
            }
        }

        Finish();
    }
}
