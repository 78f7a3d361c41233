using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Transport.Streams;

namespace Switchboard.Transport.Tcp;

/// <summary>SIP over TCP (RFC 3261 §18): messages framed by the configured framer (SIP: Content-Length).</summary>
public sealed class TcpTransport : StreamTransport
{
    public TcpTransport(StreamTransportOptions options, ILogger? logger = null)
        : base(options, TransportProtocol.Tcp, logger)
    {
    }

    private protected override ValueTask<Stream> OpenStreamCoreAsync(StreamConnection connection, Socket socket, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: false));
}
