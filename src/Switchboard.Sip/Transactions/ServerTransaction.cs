using Switchboard.Common.Timing;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): created by <see cref="TransactionLayer.OnRequest"/> for a new request,
/// it absorbs retransmissions, re-sends the last response and runs the response timers. The TU answers with
/// <see cref="SendResponse(ReadOnlySpan{byte})"/>. Thread-safe: its state is guarded by its own lock; timers run on
/// the timing-wheel thread.
/// </summary>
public abstract class ServerTransaction
{
    private readonly TransactionLayer _layer;
    private SipMessage? _request;
    private RetainedBytes _keyStorage;
    private Rfc2543Match? _rfc2543;
    private volatile TransactionState _state;
    private bool _finished;

    private protected ServerTransaction(TransactionLayer layer, SipMessage request, in SipPeer peer, TransactionState initial)
    {
        _layer = layer;
        _request = request;
        Peer = peer;
        _state = initial;
        Method = request.Method;
    }

    /// <summary>The request method (Unknown for extension methods; see <see cref="Request"/>).</summary>
    public SipMethod Method { get; }

    /// <summary>True for an INVITE server transaction.</summary>
    public bool IsInvite => Method == SipMethod.Invite;

    /// <summary>The current state.</summary>
    public TransactionState State => _state;

    /// <summary>Where the request came from; responses go back there.</summary>
    public SipPeer Peer { get; }

    /// <summary>
    /// The request (the transaction's own pooled copy: the TU may dispose its message after
    /// <see cref="TransactionLayer.OnRequest"/>). Valid until the final response is sent; read everything needed
    /// (e.g. to build a dialog) before sending it.
    /// </summary>
    public SipMessage Request => _request ?? throw new InvalidOperationException("The request is released once the final response is sent.");

    /// <summary>The status code of the last response sent (0 = none yet).</summary>
    public int LastStatusCode { get; private protected set; }

    /// <summary>Optional observer of failures (Timer H, transport errors, no answer from the TU).</summary>
    public IServerTransactionUser? User { get; set; }

    /// <summary>Free slot for the TU (e.g. its channel or call object).</summary>
    public object? UserState { get; set; }

    internal bool IsRfc2543 => _rfc2543 is not null;

    internal ServerTransactionKey Key { get; private set; }

    internal Rfc2543TransactionKey Key2543 => _rfc2543!.Key;

    /// <summary>RFC 2543 only: the To tag of the request (slice of the kept request).</summary>
    internal ReadOnlyMemory<byte> RequestToTag => _rfc2543?.RequestToTag ?? default;

    /// <summary>RFC 2543 only: the To tag of the last response sent (the ACK must carry it).</summary>
    internal ReadOnlySpan<byte> ResponseToTag => _rfc2543?.ResponseToTag;

    private protected TransactionLayer Layer => _layer;

    private protected Lock Gate { get; } = new();

    private protected RetainedBytes LastResponse;

    private protected TimerHandle RetransmitTimer;

    private protected TimerHandle TimeoutTimer;

    private protected TimerHandle GuardTimer;

    /// <summary>
    /// Sends a response built by the TU (e.g. with <see cref="SipResponseFactory.Begin"/> on <see cref="Request"/>).
    /// The bytes are copied when they must be kept for retransmission. Returns false when the state does not allow
    /// it (e.g. a second final response) or the transport failed (then the transaction is terminated and
    /// <see cref="User"/> is told).
    /// </summary>
    public bool SendResponse(ReadOnlySpan<byte> response)
    {
        if (!TryReadStatusCode(response, out int status))
        {
            throw new ArgumentException("Not a SIP response (status line expected).", nameof(response));
        }

        TransactionFailure? failure;
        bool finish;
        bool sent;
        lock (Gate)
        {
            sent = SendResponseLocked(status, response, out failure, out finish);
            if (sent && IsRfc2543 && status >= 200)
            {
                CaptureResponseToTag(response);
            }
        }

        AfterLock(failure, finish);
        return sent;
    }

    /// <summary>
    /// Sends a minimal response (the mandatory headers copied from the request, a To tag when given and the status
    /// is above 100, no body). Returns false when the state does not allow it or the transport failed.
    /// </summary>
    public bool SendResponse(int statusCode, ReadOnlySpan<byte> reason, ReadOnlySpan<byte> toTag = default)
    {
        PooledBufferWriter buffer = TransactionScratch.Get();
        lock (Gate)
        {
            if (_request is null || State == TransactionState.Terminated)
            {
                return false;
            }

            SipResponseFactory.Begin(buffer, _request, statusCode, reason, toTag).WriteEnd();
        }

        return SendResponse(buffer.WrittenSpan);
    }

    /// <summary>Handles a retransmission of the request; false when the transaction is already terminated.</summary>
    internal abstract bool OnRetransmission();

    /// <summary>
    /// Handles an ACK matching this (INVITE) transaction. Returns Absorbed, Ack (pass to the TU) or, when
    /// terminated, Invalid (= not matched).
    /// </summary>
    internal virtual ServerRequestDisposition OnAck() => ServerRequestDisposition.Invalid;

    /// <summary>Starts the timers that run from creation (100 Trying, answer limit).</summary>
    internal abstract void Start();

    private protected abstract bool SendResponseLocked(int status, ReadOnlySpan<byte> response, out TransactionFailure? failure, out bool finish);

    internal void InitKey(in ServerTransactionKey key)
    {
        // The key gets its own small copy so the request can be released after the final response.
        Memory<byte> storage = _keyStorage.Reserve(key.CopyLength);
        Key = key.CopyTo(storage);
    }

    internal void InitKey2543(in Rfc2543TransactionKey key, ReadOnlyMemory<byte> requestToTag)
    {
        _rfc2543 = new Rfc2543Match(key, requestToTag);
    }

    /// <summary>Sends bytes to the peer (under the lock).</summary>
    private protected bool Transmit(ReadOnlySpan<byte> bytes) => _layer.Sender.Send(Peer, bytes);

    /// <summary>Re-sends the kept response (under the lock); false on a transport error.</summary>
    private protected bool Retransmit()
    {
        if (!LastResponse.HasValue)
        {
            return true;
        }

        _layer.Statistics.RetransmissionSent();
        return Transmit(LastResponse.Span);
    }

    private protected void SetState(TransactionState state)
    {
        if (_state == TransactionState.Proceeding && state != TransactionState.Proceeding && Method == SipMethod.Invite)
        {
            _layer.Statistics.InviteLeftProceeding();
        }

        _state = state;
    }

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
        GuardTimer.Cancel();
        return true;
    }

    /// <summary>Releases the request once a final response is out (not for RFC 2543 keys, which point into it).</summary>
    private protected void ReleaseRequestLocked()
    {
        if (!IsRfc2543 && _request is not null)
        {
            _request.Dispose();
            _request = null;
        }
    }

    /// <summary>Writes a 100 Trying from the request into the scratch buffer (under the lock).</summary>
    private protected ReadOnlySpan<byte> BuildTrying()
    {
        PooledBufferWriter buffer = TransactionScratch.Get();
        SipMessageWriter w = SipResponseFactory.Begin(buffer, _request!, 100, "Trying"u8);
        SipResponseFactory.CopyAll(w, _request!, SipHeaderId.Timestamp);
        w.WriteEnd();
        return buffer.WrittenSpan;
    }

    private protected TimerHandle Schedule(TimeSpan delay, Action<object?> callback) => _layer.Wheel.Schedule(delay, callback, this);

    /// <summary>Reports a failure and/or removes the transaction, outside the lock.</summary>
    private protected void AfterLock(TransactionFailure? failure, bool finish)
    {
        if (failure is { } f)
        {
            _layer.ReportFailure(this, f);
            User?.OnFailure(this, f);
        }

        if (finish)
        {
            Finish();
        }
    }

    /// <summary>Releases a transaction that never became visible (lost an insertion race).</summary>
    internal void Discard()
    {
        lock (Gate)
        {
            _finished = true;
            SetState(TransactionState.Terminated);
            _keyStorage.Release();
            _request?.Dispose();
            _request = null;
        }
    }

    private void Finish()
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
            LastResponse.Release();
            _keyStorage.Release();
            _request?.Dispose();
            _request = null;
        }
    }

    private void CaptureResponseToTag(ReadOnlySpan<byte> response)
    {
        byte[] copy = response.ToArray();
        if (SipMessageParser.TryParse(copy, out SipMessage? parsed, out _))
        {
            using (parsed)
            {
                _rfc2543!.ResponseToTag = parsed.TryGetTo(out var to) && !to.Tag.IsEmpty ? to.Tag.ToArray() : null;
            }
        }
    }

    internal static bool TryReadStatusCode(ReadOnlySpan<byte> response, out int status)
    {
        status = 0;
        if (response.Length < 12 || !response.StartsWith("SIP/2.0 "u8))
        {
            return false;
        }

        int d0 = response[8] - '0', d1 = response[9] - '0', d2 = response[10] - '0';
        if ((uint)d0 > 9 || (uint)d1 > 9 || (uint)d2 > 9 || d0 < 1 || d0 > 6)
        {
            return false;
        }

        status = (d0 * 100) + (d1 * 10) + d2;
        return true;
    }
}
