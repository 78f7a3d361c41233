using Switchboard.Transport.Admission;

namespace Switchboard.Transport;

/// <summary>
/// A running SIP transport (one pjsip.conf transport object): binds, receives and hands messages to an
/// <see cref="ITransportHandler"/>, and sends. Implementations: UdpTransport, TcpTransport, TlsTransport, and the
/// in-memory transport of Switchboard.TestKit.
/// </summary>
public interface ITransport : IAsyncDisposable
{
    string Name { get; }

    TransportProtocol Protocol { get; }

    /// <summary>Local side; after <see cref="Start"/> it carries the bound port.</summary>
    LocalTransportInfo Local { get; }

    TransportCounters Counters { get; }

    /// <summary>Checked before any parsing, per datagram, per accepted connection and per framed message.</summary>
    IAdmissionFilter AdmissionFilter { get; set; }

    /// <summary>Binds and starts receiving. Throws (SocketException) when the address cannot be bound.</summary>
    void Start(ITransportHandler handler);

    /// <summary>
    /// Sends without waiting. Datagrams go out at once; on stream transports the bytes are copied onto the ordered
    /// send queue of <paramref name="destination"/>'s connection (its own connection if it has one, else the
    /// registry's connection to that address, else a new outbound connection).
    /// </summary>
    /// <param name="serverName">TLS: the name to verify the server certificate against (else the IP address).</param>
    SendStatus Send(ReadOnlySpan<byte> data, in RemotePeer destination, string? serverName = null);

    /// <summary>
    /// Like <see cref="Send"/>, but when a new connection is needed, waits until it is established so a failure is
    /// reported as <see cref="SendStatus.ConnectFailed"/> (RFC 3261 §17.1.4 transport error).
    /// </summary>
    ValueTask<SendStatus> SendAsync(
        ReadOnlyMemory<byte> data,
        RemotePeer destination,
        string? serverName = null,
        CancellationToken cancellationToken = default);

    /// <summary>Stops receiving, closes connections and the socket. Idempotent.</summary>
    ValueTask StopAsync();
}
