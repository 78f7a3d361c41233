using System.Net;
using Switchboard.Common.Buffers;
using Switchboard.Transport.Admission;

namespace Switchboard.Transport.Udp;

/// <summary>Settings of a <see cref="UdpTransport"/>.</summary>
public sealed class UdpTransportOptions
{
    /// <summary>Name of the transport object (pjsip.conf section).</summary>
    public string Name { get; init; } = "udp";

    /// <summary>Address to bind (IPv4 or IPv6; port 0 picks a free port).</summary>
    public IPEndPoint BindEndPoint { get; init; } = new(IPAddress.Any, 5060);

    /// <summary>Concurrent receive operations on the socket (each with its own buffer).</summary>
    public int ReceiveLoops { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>SO_RCVBUF in bytes; 0 keeps the OS default (the kernel caps it at net.core.rmem_max).</summary>
    public int SocketReceiveBufferSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>SO_SNDBUF in bytes; 0 keeps the OS default.</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>On an IPv6 bind address, also receive IPv4 (as IPv4-mapped). pjsip binds IPv6-only.</summary>
    public bool DualMode { get; init; }

    public IBufferPool BufferPool { get; init; } = ArrayBufferPool.Shared;

    public IAdmissionFilter AdmissionFilter { get; init; } = AdmitAllFilter.Instance;
}
