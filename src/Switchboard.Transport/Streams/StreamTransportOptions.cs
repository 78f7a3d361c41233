using System.Net;
using Switchboard.Common.Buffers;
using Switchboard.Common.Framing;
using Switchboard.Common.Timing;
using Switchboard.Transport.Admission;

namespace Switchboard.Transport.Streams;

/// <summary>Settings shared by the stream transports (TCP, TLS).</summary>
public class StreamTransportOptions
{
    /// <summary>Name of the transport object (pjsip.conf section).</summary>
    public string Name { get; init; } = "tcp";

    /// <summary>Address to listen on (port 0 picks a free port). Outbound connections bind to its IP when specific.</summary>
    public IPEndPoint BindEndPoint { get; init; } = new(IPAddress.Any, 5060);

    /// <summary>Splits the byte stream into messages (SIP: by Content-Length). Required.</summary>
    public IMessageFramer? Framer { get; init; }

    /// <summary>False for an outbound-only transport (no listening socket).</summary>
    public bool Listen { get; init; } = true;

    /// <summary>On an IPv6 bind address, also accept IPv4 (as IPv4-mapped).</summary>
    public bool DualMode { get; init; }

    public int ListenBacklog { get; init; } = 512;

    /// <summary>Largest message (headers and body) accepted; a larger one closes the connection.</summary>
    public int MaxMessageSize { get; init; } = 65536;

    /// <summary>Inbound plus outbound connections; more are refused.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>Bytes a connection may have queued for sending before sends are refused with QueueFull.</summary>
    public int MaxSendQueueBytes { get; init; } = 1024 * 1024;

    /// <summary>A connection without traffic in either direction for this long is closed. Infinite disables.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Limit for establishing an outbound TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for the TLS handshake (both directions).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Wheel for idle timers; when null the transport runs its own coarse wheel on <see cref="TimeProvider"/>.</summary>
    public TimingWheel? TimingWheel { get; init; }

    /// <summary>Pool for send-queue copies and reassembly buffers (rented and returned on different threads).</summary>
    public IBufferPool BufferPool { get; init; } = ArrayBufferPool.Messages;

    public IAdmissionFilter AdmissionFilter { get; init; } = AdmitAllFilter.Instance;
}
