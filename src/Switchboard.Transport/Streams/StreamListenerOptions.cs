using System.Net;
using Switchboard.Transport.Admission;

namespace Switchboard.Transport.Streams;

/// <summary>Settings of a <see cref="StreamListener"/>.</summary>
public sealed class StreamListenerOptions
{
    /// <summary>Name for logs and counters, e.g. <c>ami</c>.</summary>
    public string Name { get; init; } = "listener";

    public IPEndPoint BindEndPoint { get; init; } = new(IPAddress.Loopback, 5038);

    /// <summary>On an IPv6 bind address, also accept IPv4.</summary>
    public bool DualMode { get; init; }

    public int ListenBacklog { get; init; } = 128;

    /// <summary>Concurrent connections; more are refused at accept.</summary>
    public int MaxConnections { get; init; } = 256;

    public IAdmissionFilter AdmissionFilter { get; init; } = AdmitAllFilter.Instance;

    /// <summary>How long <see cref="StreamListener.StopAsync"/> waits for handlers to return.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
