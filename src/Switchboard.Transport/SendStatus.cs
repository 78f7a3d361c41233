namespace Switchboard.Transport;

/// <summary>Outcome of a send. Only <see cref="Sent"/> and <see cref="Queued"/> mean the bytes are on their way.</summary>
public enum SendStatus
{
    /// <summary>Handed to the operating system (datagram transports).</summary>
    Sent,

    /// <summary>Queued on a connection's ordered send queue (stream transports).</summary>
    Queued,

    /// <summary>The destination's address family does not match the transport (IPv6 peer on an IPv4 socket).</summary>
    AddressFamilyMismatch,

    /// <summary>A new connection to the destination could not be set up (refused, timed out, TLS handshake failed).</summary>
    ConnectFailed,

    /// <summary>The message is larger than the transport can carry.</summary>
    TooLarge,

    /// <summary>The connection's send queue is over its byte limit (the peer does not read).</summary>
    QueueFull,

    /// <summary>The transport is stopped or the connection closed.</summary>
    Closed,

    /// <summary>The socket reported an error.</summary>
    Error,
}
