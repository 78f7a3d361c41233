using Switchboard.Common.Timing;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1), created by <see cref="TransactionLayer.SendRequest"/>: it sends the
/// request, retransmits it on UDP, matches responses and reports them to its <see cref="IClientTransactionUser"/>.
/// Thread-safe: its state is guarded by its own lock; timers run on the timing-wheel thread.
/// </summary>
public abstract class ClientTransaction
{
    private static readonly Action<object?> ReportSendFailureCallback = static s => ((ClientTransaction)s!).ReportSendFailure();

    private readonly TransactionLayer _layer;
    private RetainedBytes _bytes;
    private RetainedBytes _keyStorage;
    private SipMessage? _request;
    private volatile TransactionState _state;
    private bool _finished;
    private IClientTransactionUser _user;

    private protected ClientTransaction(TransactionLayer layer, SipMessage request, RetainedBytes bytes, in SipPeer peer, IClientTransactionUser user, TransactionState initial)
    {
        _layer = layer;
        _request = request;
        _bytes = bytes;
        Peer = peer;
        _user = user;
        _state = initial;
        Method = request.Method;
        request.TryGetTopVia(out SipVia via);
        request.TryGetCSeq(out SipCSeq cseq);
        CSeq = cseq.Number;

        // The key gets its own small copy so the request can be released once the final response is in.
        ReadOnlySpan<byte> branch = via.Branch.Span;
        ReadOnlySpan<byte> methodBytes = request.Method == SipMethod.Unknown ? request.MethodBytes.Span : default;
        Memory<byte> storage = _keyStorage.Reserve(branch.Length + methodBytes.Length);
        branch.CopyTo(storage.Span);
        methodBytes.CopyTo(storage.Span[branch.Length..]);
        Branch = storage[..branch.Length];
        Key = new ClientTransactionKey(Branch, request.Method, storage[branch.Length..]);
    }

    /// <summary>The request method (Unknown for extension methods).</summary>
    public SipMethod Method { get; }

    /// <summary>True for an INVITE client transaction.</summary>
    public bool IsInvite => Method == SipMethod.Invite;

    /// <summary>The branch of the request's top Via.</summary>
    public ReadOnlyMemory<byte> Branch { get; }

    /// <summary>The CSeq number of the request.</summary>
    public uint CSeq { get; }

    /// <summary>The current state.</summary>
    public TransactionState State => _state;

    /// <summary>Where the request goes.</summary>
    public SipPeer Peer { get; }

    /// <summary>
    /// The request as sent (the transaction's own copy, parsed). Valid until the user's callback for the final
    /// response or failure has returned: a transaction that only waits for retransmissions (Accepted, Completed)
    /// keeps nothing of the request.
    /// </summary>
    public SipMessage Request => _request ?? throw new InvalidOperationException("The transaction has ended.");

    /// <summary>The status code of the last response received (0 = none yet).</summary>
    public int LastStatusCode { get; private protected set; }

    /// <summary>
    /// The user receiving responses and failures. Once a final response has been delivered, a Completed
    /// transaction (non-2xx to INVITE, any final to non-INVITE) reports nothing more and lets go of its user; an
    /// Accepted INVITE keeps it for the 2xx retransmissions until <see cref="ReleaseUser"/>.
    /// </summary>
    public IClientTransactionUser User => Volatile.Read(ref _user);

    /// <summary>Free slot for the TU (e.g. its call leg).</summary>
    public object? UserState { get; set; }

    internal ClientTransactionKey Key { get; }

    /// <summary>
    /// The TU no longer needs this transaction's reports (e.g. its call has ended): later responses and failures
    /// are dropped and <see cref="UserState"/> is cleared, so the transaction, which stays to absorb
    /// retransmissions until its timer ends (Timer M is 32 s), keeps no reference to the TU's objects.
    /// </summary>
    public void ReleaseUser()
    {
        Volatile.Write(ref _user, IgnoringClientUser.Instance);
        UserState = null;
    }

    private protected TransactionLayer Layer => _layer;

    private protected Lock Gate { get; } = new();

    private protected TimerHandle RetransmitTimer;

    private protected TimerHandle TimeoutTimer;

    private protected TimeSpan Interval;

    /// <summary>
    /// INVITE only: cancels the request (RFC 3261 §9.1). The CANCEL is its own non-INVITE client transaction, sent
    /// at once when a provisional response has arrived, otherwise when the first one arrives (never when a final
    /// response comes first). <paramref name="reason"/> is an optional Reason header value (RFC 3326). Returns
    /// false when there is nothing to cancel (not an INVITE, or a final response was already received).
    /// </summary>
    public virtual bool Cancel(ReadOnlySpan<byte> reason = default) => false;

    /// <summary>Sends the request and starts the timers (called once, right after the transaction is registered).</summary>
    internal void Start()
    {
        lock (Gate)
        {
            if (Transmit())
            {
                StartTimersLocked();
                return;
            }

            TerminateLocked();
        }

        // Reported from the wheel so the TU is never called back from inside SendRequest.
        _layer.Wheel.Schedule(TimeSpan.Zero, ReportSendFailureCallback, this);
    }

    /// <summary>Matches a response to this transaction's state machine and reports it to the user.</summary>
    internal ResponseDisposition HandleResponse(SipMessage response)
    {
        ResponseStep step;
        lock (Gate)
        {
            if (State == TransactionState.Terminated)
            {
                return ResponseDisposition.Stray;
            }

            step = OnResponseLocked(response);
        }

        if ((step & ResponseStep.Deliver) != 0)
        {
            User.OnResponse(this, response);
            if (response.StatusCode >= 200)
            {
                ReleaseAfterFinalResponse();
            }
        }

        if ((step & ResponseStep.SendCancel) != 0)
        {
            SendPendingCancel();
        }

        if ((step & ResponseStep.Finish) != 0)
        {
            Finish();
        }

        return (step & ResponseStep.Deliver) != 0 ? ResponseDisposition.Delivered : ResponseDisposition.Absorbed;
    }

    private protected abstract void StartTimersLocked();

    private protected abstract ResponseStep OnResponseLocked(SipMessage response);

    private protected virtual void SendPendingCancel()
    {
    }

    /// <summary>Sends the request bytes (under the lock).</summary>
    private protected bool Transmit() => _layer.Sender.Send(Peer, _bytes.Span);

    /// <summary>Re-sends the request (under the lock).</summary>
    private protected bool Retransmit()
    {
        _layer.Statistics.RetransmissionSent();
        return Transmit();
    }

    private protected TimerHandle Schedule(TimeSpan delay, Action<object?> callback) => _layer.Wheel.Schedule(delay, callback, this);

    private protected void SetState(TransactionState state) => _state = state;

    /// <summary>Moves to Terminated and stops the timers (under the lock). True when this call terminated it.</summary>
    private protected bool TerminateLocked()
    {
        if (_state == TransactionState.Terminated)
        {
            return false;
        }

        SetState(TransactionState.Terminated);
        RetransmitTimer.Cancel();
        TimeoutTimer.Cancel();
        return true;
    }

    /// <summary>Reports a failure to the user (outside the lock), then removes the transaction.</summary>
    private protected void Fail(TransactionFailure failure)
    {
        _layer.ReportFailure(this, failure);
        User.OnFailure(this, failure);
        Finish();
    }

    /// <summary>Removes the transaction from the layer and releases its buffers (outside the lock).</summary>
    private protected void Finish()
    {
        lock (Gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
        }

        _layer.Remove(this);
        lock (Gate)
        {
            ReleaseLocked();
            _request?.Dispose();
            _request = null;
            _bytes.Release();
            _keyStorage.Release();
        }
    }

    /// <summary>Releases subclass buffers (under the lock, once).</summary>
    private protected virtual void ReleaseLocked()
    {
    }

    private void ReportSendFailure() => Fail(TransactionFailure.TransportError);

    /// <summary>
    /// After the final response's callback: the request is never sent again (Accepted and Completed only absorb
    /// retransmissions, the ACK of a non-2xx is kept on its own), so its copies go back to the pool; a Completed
    /// transaction also lets go of its user. What stays for Timer D/K/M is the key, the timers and the ACK.
    /// </summary>
    private void ReleaseAfterFinalResponse()
    {
        bool completed;
        lock (Gate)
        {
            if (_state is not (TransactionState.Accepted or TransactionState.Completed))
            {
                return;
            }

            completed = _state == TransactionState.Completed;
            _request?.Dispose();
            _request = null;
            _bytes.Release();
        }

        if (completed)
        {
            ReleaseUser();
        }
    }
}
