using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Logging;

namespace Switchboard.Transport.Streams;

/// <summary>
/// A generic TCP listener for line protocols (AMI on 5038, FastAGI ...): accepts, applies the admission filter and
/// the connection limit before reading a byte, and hands each connection's stream to an <see cref="IStreamHandler"/>.
/// </summary>
public sealed class StreamListener : IAcceptTarget, IAsyncDisposable
{
    private readonly StreamListenerOptions _options;
    private readonly IStreamHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _sessions = new();
    private readonly Lock _gate = new();
    private IAdmissionFilter _filter;
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private bool _started;
    private bool _stopped;

    public StreamListener(StreamListenerOptions options, IStreamHandler handler, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        _options = options;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _filter = options.AdmissionFilter;
        LocalEndPoint = options.BindEndPoint;
    }

    public string Name => _options.Name;

    /// <summary>Bound address (the real port after binding port 0).</summary>
    public IPEndPoint LocalEndPoint { get; private set; }

    public TransportCounters Counters { get; } = new();

    public int ActiveConnections => _sessions.Count;

    public IAdmissionFilter AdmissionFilter
    {
        get => Volatile.Read(ref _filter);
        set => Volatile.Write(ref _filter, value ?? AdmitAllFilter.Instance);
    }

    bool IAcceptTarget.HasCapacity => _sessions.Count < _options.MaxConnections;

    /// <summary>Binds and starts accepting. Throws (SocketException) when the address cannot be bound.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_started)
            {
                throw new InvalidOperationException($"Listener {Name} is already started.");
            }

            _listener = ListenSocket.Open(_options.BindEndPoint, _options.DualMode, _options.ListenBacklog);
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            _started = true;
            _acceptLoop = new SocketAcceptLoop(Name, _listener, this, Counters, _logger).RunAsync(_stop.Token);
        }

        TransportLog.Listening(_logger, Name, TransportProtocol.Tcp, LocalEndPoint.ToString());
    }

    /// <summary>Stops accepting, cancels the handlers, closes every connection and waits (bounded) for handlers.</summary>
    public async ValueTask StopAsync()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _stop.Cancel();
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var socket in _sessions.Keys)
        {
            socket.Dispose();
        }

        try
        {
            await Task.WhenAll(_sessions.Values).WaitAsync(_options.StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            TransportLog.Unexpected(_logger, Name, "stop", new TimeoutException("connection handlers did not return in time"));
        }

        _stop.Dispose();
        if (_started)
        {
            TransportLog.Stopped(_logger, Name);
        }
    }

    public ValueTask DisposeAsync() => StopAsync();

    void IAcceptTarget.OnAccepted(Socket socket, PeerAddress remote)
    {
        Counters.ConnectionStarted();
        var session = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sessions[socket] = session.Task;
        _ = ServeAsync(socket, remote, session);
    }

    private async Task ServeAsync(Socket socket, PeerAddress remote, TaskCompletionSource session)
    {
        await Task.Yield();
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            TransportLog.ConnectionOpened(_logger, Name, 0, remote.ToString(), "inbound");
            await _handler.HandleConnectionAsync(stream, remote, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // connection ended or listener stopped
        }
        catch (Exception ex)
        {
            Counters.HandlerError();
            TransportLog.StreamHandlerFailed(_logger, Name, remote.ToString(), ex);
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            _sessions.TryRemove(socket, out _);
            Counters.ConnectionEnded();
            TransportLog.ConnectionClosed(_logger, Name, 0, remote.ToString(), "session ended");
            session.TrySetResult();
        }
    }
}
