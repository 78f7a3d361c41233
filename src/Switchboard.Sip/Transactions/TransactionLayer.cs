using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Timing;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer (with RFC 6026), one per SIP stack. Incoming requests go to
/// <see cref="OnRequest"/>, incoming responses to <see cref="OnResponse"/>; the TU sends requests with
/// <see cref="SendRequest"/> and answers server transactions with <see cref="ServerTransaction.SendResponse(ReadOnlySpan{byte})"/>.
/// All retransmission and timeout timers are entries on one <see cref="TimingWheel"/>. Thread-safe: any thread may
/// call in; each transaction guards its state with its own lock.
/// </summary>
public sealed class TransactionLayer
{
    private static readonly ReadOnlyMemory<byte> InviteBytes = "INVITE"u8.ToArray();

    private readonly ServerTransactionTable _servers = new();
    private readonly ClientTransactionTable _clients = new();
    private readonly ILogger _logger;

    /// <summary>Creates the layer.</summary>
    public TransactionLayer(ISipMessageSender sender, TimingWheel wheel, TransactionTimerSettings? timers = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(wheel);
        Sender = sender;
        Wheel = wheel;
        Timers = timers ?? TransactionTimerSettings.Default;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Where messages go out.</summary>
    public ISipMessageSender Sender { get; }

    /// <summary>The wheel all transaction timers run on.</summary>
    public TimingWheel Wheel { get; }

    /// <summary>Timer values.</summary>
    public TransactionTimerSettings Timers { get; }

    /// <summary>A snapshot of the counters.</summary>
    public TransactionCounters Counters => Statistics.Snapshot();

    internal TransactionStatistics Statistics { get; } = new();

    /// <summary>INVITE server transactions still in Proceeding (no final response sent yet): calls being set up.</summary>
    public long ProceedingInvites => Statistics.InvitesProceeding;

    /// <summary>
    /// Matches an incoming request to a server transaction (RFC 3261 §17.2.3, with the RFC 2543 fallback when the
    /// branch lacks the magic cookie). A retransmission is answered with the last response and reported as
    /// <see cref="ServerRequestDisposition.Absorbed"/>; a new request creates a transaction
    /// (<see cref="ServerRequestDisposition.New"/>) that keeps its own copy of <paramref name="request"/>, so the
    /// caller may dispose its message afterwards. ACKs for 2xx come back as <see cref="ServerRequestDisposition.Ack"/>.
    /// CANCEL creates its own transaction; find the INVITE it cancels with <see cref="FindInviteForCancel"/>.
    /// </summary>
    public ServerRequestResult OnRequest(SipMessage request, in SipPeer peer)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("A request is expected.", nameof(request));
        }

        if (!request.TryGetTopVia(out SipVia via) || !request.TryGetCSeq(out SipCSeq cseq))
        {
            TransactionLog.InvalidRequest(_logger, peer.Remote);
            return new ServerRequestResult(ServerRequestDisposition.Invalid, null);
        }

        bool isAck = request.Method == SipMethod.Ack;
        SipMethod method = isAck ? SipMethod.Invite : request.Method;
        ReadOnlyMemory<byte> methodBytes = isAck ? InviteBytes : request.MethodBytes;
        ServerTransaction? tx;
        if (via.HasRfc3261Branch)
        {
            tx = _servers.Find(new ServerTransactionKey(via.Branch, via.Host, via.Port, method, methodBytes));
        }
        else if (TryGet2543Key(request, via, cseq, method, methodBytes, out Rfc2543TransactionKey key, out ReadOnlyMemory<byte> toTag))
        {
            tx = _servers.Find(key);
            if (tx is not null && !(isAck ? ToTagMatchesAck(tx, toTag.Span) : tx.RequestToTag.Span.SequenceEqual(toTag.Span)))
            {
                tx = null;
            }
        }
        else
        {
            TransactionLog.InvalidRequest(_logger, peer.Remote);
            return new ServerRequestResult(ServerRequestDisposition.Invalid, null);
        }

        if (isAck)
        {
            ServerRequestDisposition d = tx?.OnAck() ?? ServerRequestDisposition.Invalid;
            return d == ServerRequestDisposition.Invalid
                ? new ServerRequestResult(ServerRequestDisposition.Ack, null)
                : new ServerRequestResult(d, tx);
        }

        if (tx is not null && tx.OnRetransmission())
        {
            return new ServerRequestResult(ServerRequestDisposition.Absorbed, tx);
        }

        return CreateServer(request, peer);
    }

    /// <summary>
    /// The INVITE server transaction a CANCEL refers to (RFC 3261 §9.2: same matching as the INVITE, method
    /// aside), or null when there is none or it has terminated. The TU answers the CANCEL 200 (481 when null) and,
    /// if the INVITE has no final response yet, answers the INVITE 487.
    /// </summary>
    public ServerTransaction? FindInviteForCancel(SipMessage cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        if (!cancel.TryGetTopVia(out SipVia via) || !cancel.TryGetCSeq(out SipCSeq cseq))
        {
            return null;
        }

        ServerTransaction? tx;
        if (via.HasRfc3261Branch)
        {
            tx = _servers.Find(new ServerTransactionKey(via.Branch, via.Host, via.Port, SipMethod.Invite, InviteBytes));
        }
        else if (TryGet2543Key(cancel, via, cseq, SipMethod.Invite, InviteBytes, out Rfc2543TransactionKey key, out ReadOnlyMemory<byte> toTag))
        {
            tx = _servers.Find(key);
            if (tx is not null && !tx.RequestToTag.Span.SequenceEqual(toTag.Span))
            {
                tx = null;
            }
        }
        else
        {
            return null;
        }

        return tx is { State: not TransactionState.Terminated } ? tx : null;
    }

    /// <summary>
    /// Matches an incoming response to a client transaction (RFC 3261 §17.1.3: top Via branch and CSeq method) and
    /// passes it to the transaction's user on this thread. Unmatched responses are <see cref="ResponseDisposition.Stray"/>.
    /// </summary>
    public ResponseDisposition OnResponse(SipMessage response, in SipPeer peer)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsRequest)
        {
            throw new ArgumentException("A response is expected.", nameof(response));
        }

        if (!response.TryGetTopVia(out SipVia via) || !response.TryGetCSeq(out SipCSeq cseq) || via.Branch.IsEmpty)
        {
            return ResponseDisposition.Invalid;
        }

        ClientTransaction? tx = _clients.Find(new ClientTransactionKey(via.Branch, cseq.Method, cseq.MethodBytes));
        ResponseDisposition d = tx?.HandleResponse(response) ?? ResponseDisposition.Stray;
        if (d == ResponseDisposition.Stray)
        {
            Statistics.Stray();
        }

        return d;
    }

    /// <summary>
    /// Starts a client transaction: copies <paramref name="request"/> (a complete request whose top Via carries a
    /// fresh <see cref="SipBranch"/> branch; not ACK), sends it to <paramref name="peer"/> and runs the timers.
    /// Responses and failures go to <paramref name="user"/>. A transport error on the first send terminates the
    /// transaction and is reported to the user from the timing-wheel thread (never from inside this call).
    /// Throws <see cref="ArgumentException"/> for a request the layer cannot use (not a request, ACK, no top Via
    /// branch with the magic cookie, no CSeq) and <see cref="InvalidOperationException"/> when the branch is in use.
    /// </summary>
    public ClientTransaction SendRequest(ReadOnlySpan<byte> request, in SipPeer peer, IClientTransactionUser user, object? userState = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        RetainedBytes bytes = default;
        bytes.Set(request);
        if (!SipMessageParser.TryParse(bytes.Memory, SipParseMode.Datagram, out SipMessage? msg, out SipParseError error))
        {
            bytes.Release();
            throw new ArgumentException($"The request does not parse: {error.Code}.", nameof(request));
        }

        string? problem = !msg.IsRequest ? "not a request"
            : msg.Method == SipMethod.Ack ? "ACK is not sent through a transaction"
            : !msg.TryGetTopVia(out SipVia via) || !via.HasRfc3261Branch ? "the top Via needs a branch with the z9hG4bK cookie"
            : !msg.TryGetCSeq(out _) ? "no CSeq"
            : null;
        if (problem is not null)
        {
            msg.Dispose();
            bytes.Release();
            throw new ArgumentException($"Cannot start a client transaction: {problem}.", nameof(request));
        }

        ClientTransaction tx = msg.Method == SipMethod.Invite
            ? new InviteClientTransaction(this, msg, bytes, peer, user)
            : new NonInviteClientTransaction(this, msg, bytes, peer, user);
        tx.UserState = userState;
        if (!_clients.TryAdd(tx))
        {
            msg.Dispose();
            bytes.Release();
            throw new InvalidOperationException("A client transaction with this branch and method exists.");
        }

        Statistics.ClientCreated();
        tx.Start();
        return tx;
    }

    internal void Remove(ServerTransaction tx)
    {
        _servers.Remove(tx);
        Statistics.ServerEnded();
    }

    internal void Remove(ClientTransaction tx)
    {
        _clients.Remove(tx);
        Statistics.ClientEnded();
    }

    internal void ReportFailure(ServerTransaction tx, TransactionFailure failure)
    {
        Statistics.Failure(failure);
        TransactionLog.Failed(_logger, "server", TransactionLog.MethodName(tx.Method), tx.Peer.Remote, failure);
    }

    internal void ReportFailure(ClientTransaction tx, TransactionFailure failure)
    {
        Statistics.Failure(failure);
        TransactionLog.Failed(_logger, "client", TransactionLog.MethodName(tx.Method), tx.Peer.Remote, failure);
    }

    private ServerRequestResult CreateServer(SipMessage request, in SipPeer peer)
    {
        SipMessage copy = request.Detach();
        ServerTransaction tx = request.Method == SipMethod.Invite
            ? new InviteServerTransaction(this, copy, peer)
            : new NonInviteServerTransaction(this, copy, peer);
        copy.TryGetTopVia(out SipVia via);
        copy.TryGetCSeq(out SipCSeq cseq);
        if (via.HasRfc3261Branch)
        {
            tx.InitKey(new ServerTransactionKey(via.Branch, via.Host, via.Port, copy.Method, copy.MethodBytes));
        }
        else
        {
            TryGet2543Key(copy, via, cseq, copy.Method, copy.MethodBytes, out Rfc2543TransactionKey key, out ReadOnlyMemory<byte> toTag);
            tx.InitKey2543(key, toTag);
        }

        ServerTransaction? existing = _servers.TryAdd(tx);
        if (existing is not null)
        {
            // lost a race with the same request on another thread: that one owns the transaction
            tx.Discard();
            existing.OnRetransmission();
            return new ServerRequestResult(ServerRequestDisposition.Absorbed, existing);
        }

        Statistics.ServerCreated();
        tx.Start();
        return new ServerRequestResult(ServerRequestDisposition.New, tx);
    }

    private static bool ToTagMatchesAck(ServerTransaction tx, ReadOnlySpan<byte> ackToTag)
        => tx.ResponseToTag.SequenceEqual(ackToTag) || (!tx.RequestToTag.IsEmpty && tx.RequestToTag.Span.SequenceEqual(ackToTag));

    private static bool TryGet2543Key(SipMessage m, in SipVia via, in SipCSeq cseq, SipMethod method, ReadOnlyMemory<byte> methodBytes, out Rfc2543TransactionKey key, out ReadOnlyMemory<byte> toTag)
    {
        key = default;
        toTag = default;
        if (!m.TryGetFrom(out SipNameAddr from) || !m.TryGetTo(out SipNameAddr to) || m.CallId.IsEmpty)
        {
            return false;
        }

        toTag = to.Tag;
        key = new Rfc2543TransactionKey(m.RequestUri, from.Tag, m.CallId, cseq.Number, method, methodBytes, via.Raw);
        return true;
    }
}
