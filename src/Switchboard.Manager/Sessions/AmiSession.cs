using System.Net;
using Switchboard.Core.Events;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Sessions;

/// <summary>
/// The state of one AMI connection: who is logged in, which events it wants, its filters and its send queue.
/// Requests of a connection are handled one at a time by its reader; events arrive from any thread.
/// </summary>
internal sealed class AmiSession
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closed;
    private AmiEventFilter[] _filters = [];
    private int _sendEvents;
    private volatile ManagerUser? _user;

    public AmiSession(int id, IPEndPoint remote, IPEndPoint local, DateTimeOffset connectedAt, AmiOutbox outbox, CancellationToken listenerStopping)
    {
        Id = id;
        Remote = remote;
        Local = local;
        ConnectedAt = connectedAt;
        Outbox = outbox;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(listenerStopping);
    }

    public int Id { get; }

    /// <summary>Asterisk prints a session pointer; we print a stable id.</summary>
    public string SessionId => "ami-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; }

    public TransportAddress RemoteAddress => new(Remote, "TCP");

    public TransportAddress LocalAddress => new(Local, "TCP");

    public DateTimeOffset ConnectedAt { get; }

    public AmiOutbox Outbox { get; }

    public ManagerUser? User => _user;

    public bool IsAuthenticated => _user is not null;

    /// <summary>The MD5 challenge handed out by the Challenge action, if any.</summary>
    public string? Challenge { get; set; }

    /// <summary>Why the session was closed (for logs), or null while open.</summary>
    public string? CloseReason { get; private set; }

    public CancellationToken Closed => _closed.Token;

    public AmiClass SendEvents => (AmiClass)Volatile.Read(ref _sendEvents);

    public IReadOnlyList<AmiEventFilter> Filters => Volatile.Read(ref _filters);

    public void Authenticate(ManagerUser user, AmiClass sendEvents)
    {
        lock (_gate)
        {
            var filters = new List<AmiEventFilter>();
            foreach (var text in user.EventFilters)
            {
                if (AmiEventFilter.TryCreate(text, out var f, out _))
                {
                    filters.Add(f!);
                }
            }

            _filters = [.. filters];
            Volatile.Write(ref _sendEvents, (int)sendEvents);
            _user = user;
        }
    }

    public void SetSendEvents(AmiClass classes) => Volatile.Write(ref _sendEvents, (int)classes);

    public void AddFilter(AmiEventFilter filter)
    {
        lock (_gate)
        {
            _filters = [.. _filters, filter];
        }
    }

    /// <summary>True when this session should get an event of <paramref name="eventClass"/> with that text.</summary>
    public bool Wants(AmiClass eventClass, string text)
    {
        var user = _user;
        if (user is null || CloseReason is not null)
        {
            return false;
        }

        return (user.Read & eventClass) == eventClass && (SendEvents & eventClass) == eventClass && AmiEventFilter.Passes(Filters, text);
    }

    /// <summary>Queues a message; a full queue closes the session (slow consumer).</summary>
    public bool Send(string text)
    {
        if (CloseReason is not null)
        {
            return false;
        }

        if (Outbox.TryEnqueue(text))
        {
            return true;
        }

        Close("send queue full (slow consumer)");
        return false;
    }

    public bool Send(AmiMessage message) => Send(message.ToString());

    public void Close(string reason)
    {
        lock (_gate)
        {
            if (CloseReason is not null)
            {
                return;
            }

            CloseReason = reason;
        }

        Outbox.Complete();
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _closed.Dispose();
}
