namespace Switchboard.Transport;

/// <summary>Live counters of one transport (thread-safe, lock-free); read a consistent copy with <see cref="Snapshot"/>.</summary>
public sealed class TransportCounters
{
    private long _messagesReceived;
    private long _bytesReceived;
    private long _droppedByFilter;
    private long _messagesSent;
    private long _bytesSent;
    private long _sendErrors;
    private long _receiveErrors;
    private long _framingErrors;
    private long _handlerErrors;
    private long _keepAlives;
    private long _connectionsAccepted;
    private long _connectionsOpened;
    private long _connectionsRejected;
    private long _connectionsClosed;
    private long _activeConnections;

    /// <summary>Datagrams / framed messages handed to the handler.</summary>
    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>Datagrams, messages and connections dropped by the admission filter (never parsed).</summary>
    public long DroppedByFilter => Volatile.Read(ref _droppedByFilter);

    public long MessagesSent => Volatile.Read(ref _messagesSent);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    public long SendErrors => Volatile.Read(ref _sendErrors);

    public long ReceiveErrors => Volatile.Read(ref _receiveErrors);

    /// <summary>Streams closed because the framer could not find a message boundary, or a message was too large.</summary>
    public long FramingErrors => Volatile.Read(ref _framingErrors);

    /// <summary>Exceptions thrown by the handler (caught; the transport carries on).</summary>
    public long HandlerErrors => Volatile.Read(ref _handlerErrors);

    public long KeepAlives => Volatile.Read(ref _keepAlives);

    public long ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    public long ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>Connections refused at accept (filter or connection limit).</summary>
    public long ConnectionsRejected => Volatile.Read(ref _connectionsRejected);

    public long ConnectionsClosed => Volatile.Read(ref _connectionsClosed);

    public long ActiveConnections => Volatile.Read(ref _activeConnections);

    public TransportCountersSnapshot Snapshot() => new(
        MessagesReceived,
        BytesReceived,
        DroppedByFilter,
        MessagesSent,
        BytesSent,
        SendErrors,
        ReceiveErrors,
        FramingErrors,
        HandlerErrors,
        KeepAlives,
        ConnectionsAccepted,
        ConnectionsOpened,
        ConnectionsRejected,
        ConnectionsClosed,
        ActiveConnections);

    internal void Received(int bytes)
    {
        Interlocked.Increment(ref _messagesReceived);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    internal void Sent(int bytes)
    {
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void Sent(int messages, long bytes)
    {
        Interlocked.Add(ref _messagesSent, messages);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void Dropped() => Interlocked.Increment(ref _droppedByFilter);

    internal void SendError() => Interlocked.Increment(ref _sendErrors);

    internal void ReceiveError() => Interlocked.Increment(ref _receiveErrors);

    internal void FramingError() => Interlocked.Increment(ref _framingErrors);

    internal void HandlerError() => Interlocked.Increment(ref _handlerErrors);

    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);

    internal void Accepted() => Interlocked.Increment(ref _connectionsAccepted);

    internal void Opened() => Interlocked.Increment(ref _connectionsOpened);

    internal void Rejected() => Interlocked.Increment(ref _connectionsRejected);

    internal void ConnectionStarted() => Interlocked.Increment(ref _activeConnections);

    internal void ConnectionEnded()
    {
        Interlocked.Increment(ref _connectionsClosed);
        Interlocked.Decrement(ref _activeConnections);
    }
}
