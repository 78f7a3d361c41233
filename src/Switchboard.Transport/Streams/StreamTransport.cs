using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Framing;
using Switchboard.Common.Timing;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Logging;

namespace Switchboard.Transport.Streams;

/// <summary>
/// Common engine of the connection-oriented SIP transports (<see cref="Tcp.TcpTransport"/>,
/// <see cref="Tls.TlsTransport"/>): listener, connection registry for reuse, outbound connect on demand, limits.
/// The subclass only turns a connected socket into a stream (plain or TLS).
/// </summary>
public abstract class StreamTransport : ITransport, IAcceptTarget
{
    private const int StateNew = 0;
    private const int StateStarted = 1;
    private const int StateStopped = 2;
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    private readonly ConnectionRegistry _registry = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TimingWheel? _ownWheel;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private ITransportHandler? _handler;
    private IAdmissionFilter _filter;
    private int _state;

    private protected StreamTransport(StreamTransportOptions options, TransportProtocol protocol, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Framer = options.Framer ?? throw new ArgumentException("A message framer is required.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSendQueueBytes, 1);
        Options = options;
        Protocol = protocol;
        Logger = logger ?? NullLogger.Instance;
        _filter = options.AdmissionFilter;
        Local = new LocalTransportInfo(this, options.Name, protocol, options.BindEndPoint);
    }

    public string Name => Options.Name;

    public TransportProtocol Protocol { get; }

    public LocalTransportInfo Local { get; private set; }

    public TransportCounters Counters { get; } = new();

    public IAdmissionFilter AdmissionFilter
    {
        get => Volatile.Read(ref _filter);
        set => Volatile.Write(ref _filter, value ?? AdmitAllFilter.Instance);
    }

    /// <summary>Open (or opening) connections.</summary>
    public int ConnectionCount => _registry.Count;

    bool IAcceptTarget.HasCapacity => Counters.ActiveConnections < Options.MaxConnections;

    internal StreamTransportOptions Options { get; }

    internal ILogger Logger { get; }

    internal IMessageFramer Framer { get; }

    internal TimingWheel Wheel { get; private set; } = null!;

    internal ITransportHandler Handler => _handler!;

    /// <summary>A snapshot of the connections (for CLI output).</summary>
    public IReadOnlyList<StreamConnection> GetConnections() => _registry.Snapshot();

    /// <summary>The open connection to <paramref name="remote"/>, if any.</summary>
    public bool TryGetConnection(PeerAddress remote, out StreamConnection connection) => _registry.TryGet(remote, out connection);

    public void Start(ITransportHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_state == StateStopped, this);
            if (_state != StateNew)
            {
                throw new InvalidOperationException($"Transport {Name} is already started.");
            }

            if (Options.Listen)
            {
                _listener = ListenSocket.Open(Options.BindEndPoint, Options.DualMode, Options.ListenBacklog);
                Local = new LocalTransportInfo(this, Name, Protocol, (IPEndPoint)_listener.LocalEndPoint!);
            }

            Wheel = Options.TimingWheel ?? (_ownWheel = new TimingWheel(Options.TimeProvider, TimeSpan.FromMilliseconds(250), 256));
            _handler = handler;
            _state = StateStarted;
            if (_listener is not null)
            {
                _acceptLoop = new SocketAcceptLoop(Name, _listener, this, Counters, Logger).RunAsync(_stop.Token);
            }
        }

        if (Options.Listen)
        {
            TransportLog.Listening(Logger, Name, Protocol, Local.EndPoint.ToString());
        }
    }

    public SendStatus Send(ReadOnlySpan<byte> data, in RemotePeer destination, string? serverName = null) =>
        SendCore(data, destination, serverName, out _);

    public async ValueTask<SendStatus> SendAsync(
        ReadOnlyMemory<byte> data,
        RemotePeer destination,
        string? serverName = null,
        CancellationToken cancellationToken = default)
    {
        var status = SendCore(data.Span, destination, serverName, out var connection);
        if (connection is null || !connection.IsOutbound || connection.IsOpen ||
            status is not (SendStatus.Queued or SendStatus.Closed))
        {
            return status;
        }

        // A new outbound connection: wait for the connect (and handshake) to report its outcome.
        bool established = await connection.WhenEstablished.WaitAsync(cancellationToken).ConfigureAwait(false);
        return established ? status : SendStatus.ConnectFailed;
    }

    /// <summary>
    /// Returns the open connection to <paramref name="remote"/> or starts a new outbound one (null when stopped, the
    /// address family cannot be reached or the connection limit is reached).
    /// </summary>
    public StreamConnection? GetOrConnect(PeerAddress remote, string? serverName = null)
    {
        if (Volatile.Read(ref _state) != StateStarted || !ListenSocket.CanReach(Options.BindEndPoint, Options.DualMode, remote))
        {
            return null;
        }

        if (_registry.TryGet(remote, out var existing))
        {
            return existing;
        }

        if (Counters.ActiveConnections >= Options.MaxConnections)
        {
            TransportLog.ConnectFailed(Logger, Name, remote.ToString(), "connection limit");
            return null;
        }

        var candidate = new StreamConnection(this, null, remote, isOutbound: true, serverName);
        var connection = _registry.GetOrAdd(remote, candidate, out bool added);
        if (added)
        {
            Counters.Opened();
            Counters.ConnectionStarted();
            candidate.Start();
            if (Volatile.Read(ref _state) != StateStarted)
            {
                candidate.Close("transport stopped");
            }
        }

        return connection;
    }

    public async ValueTask StopAsync()
    {
        lock (_gate)
        {
            if (_state == StateStopped)
            {
                return;
            }

            _state = StateStopped;
        }

        _stop.Cancel();
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        var connections = _registry.Snapshot();
        foreach (var connection in connections)
        {
            connection.Close("transport stopped");
        }

        try
        {
            await Task.WhenAll(connections.Select(c => c.Completion)).WaitAsync(StopWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            TransportLog.Unexpected(Logger, Name, "stop", new TimeoutException("connections did not close in time"));
        }

        _ownWheel?.Dispose();
        _stop.Dispose();
        TransportLog.Stopped(Logger, Name);
    }

    public ValueTask DisposeAsync() => StopAsync();

    void IAcceptTarget.OnAccepted(Socket socket, PeerAddress remote)
    {
        socket.NoDelay = true;
        var connection = new StreamConnection(this, socket, remote, isOutbound: false, serverName: null);
        Counters.ConnectionStarted();
        _registry.Add(connection);
        connection.Start();
    }

    /// <summary>Turns a connected socket into the transport's stream (plain, or TLS after the handshake).</summary>
    private protected abstract ValueTask<Stream> OpenStreamCoreAsync(StreamConnection connection, Socket socket, CancellationToken cancellationToken);

    internal ValueTask<Stream> OpenStreamAsync(StreamConnection connection, Socket socket, CancellationToken cancellationToken) =>
        OpenStreamCoreAsync(connection, socket, cancellationToken);

    internal void OnConnectionFinished(StreamConnection connection)
    {
        Counters.ConnectionEnded();
        _registry.Remove(connection);
    }

    private SendStatus SendCore(ReadOnlySpan<byte> data, in RemotePeer destination, string? serverName, out StreamConnection? connection)
    {
        connection = destination.Connection;
        if (connection is not null && ReferenceEquals(connection.Transport, this) && !connection.IsClosed)
        {
            return connection.Send(data);
        }

        if (Volatile.Read(ref _state) != StateStarted)
        {
            connection = null;
            return SendStatus.Closed;
        }

        if (!ListenSocket.CanReach(Options.BindEndPoint, Options.DualMode, destination.Address))
        {
            connection = null;
            return SendStatus.AddressFamilyMismatch;
        }

        connection = GetOrConnect(destination.Address, serverName);
        return connection is null ? SendStatus.ConnectFailed : connection.Send(data);
    }
}
