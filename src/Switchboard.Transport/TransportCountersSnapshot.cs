namespace Switchboard.Transport;

/// <summary>A copy of <see cref="TransportCounters"/> at one moment (for CLI and AMI output).</summary>
public readonly record struct TransportCountersSnapshot(
    long MessagesReceived,
    long BytesReceived,
    long DroppedByFilter,
    long MessagesSent,
    long BytesSent,
    long SendErrors,
    long ReceiveErrors,
    long FramingErrors,
    long HandlerErrors,
    long KeepAlives,
    long ConnectionsAccepted,
    long ConnectionsOpened,
    long ConnectionsRejected,
    long ConnectionsClosed,
    long ActiveConnections);
