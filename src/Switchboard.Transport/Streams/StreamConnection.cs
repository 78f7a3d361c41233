using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Common.Framing;
using Switchboard.Common.Timing;
using Switchboard.Transport.Logging;

namespace Switchboard.Transport.Streams;

/// <summary>
/// One TCP or TLS connection of a stream transport: a read loop that frames messages and hands them to the
/// transport's handler, an ordered send queue, an idle timer. Created by the transport (accepted or outbound);
/// closes on EOF, error, framing error, admission-filter refusal, idle timeout or <see cref="Close()"/>.
/// </summary>
public sealed class StreamConnection
{
    private const int Connecting = 0;
    private const int Open = 1;
    private const int Closed = 2;
    private const int MaxKeepAliveBytes = 16;

    private static long s_nextId;
    private static readonly Action<object?> s_checkIdle = static state => ((StreamConnection)state!).CheckIdle();

    private readonly StreamTransport _transport;
    private readonly ConnectionSendQueue _sendQueue;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<bool> _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _socket;
    private string? _closeReason;
    private long _lastActivity;
    private TimerHandle _idleTimer;
    private byte[]? _scratch;
    private int _state;
    private volatile bool _pinned;

    internal StreamConnection(StreamTransport transport, Socket? socket, PeerAddress remote, bool isOutbound, string? serverName)
    {
        _transport = transport;
        _socket = socket;
        Remote = remote;
        IsOutbound = isOutbound;
        ServerName = serverName;
        Id = Interlocked.Increment(ref s_nextId);
        _sendQueue = new ConnectionSendQueue(transport.Options.BufferPool, transport.Options.MaxSendQueueBytes);
    }

    /// <summary>Process-wide unique connection number (for logs and CLI).</summary>
    public long Id { get; }

    public PeerAddress Remote { get; }

    public ITransport Transport => _transport;

    public LocalTransportInfo Local => _transport.Local;

    /// <summary>True when this side opened the connection.</summary>
    public bool IsOutbound { get; }

    /// <summary>Outbound TLS: the name the server certificate was verified against.</summary>
    public string? ServerName { get; }

    /// <summary>True once connected (and, for TLS, the handshake done) until closed.</summary>
    public bool IsOpen => Volatile.Read(ref _state) == Open && !IsClosed;

    /// <summary>True from the moment the connection starts closing.</summary>
    public bool IsClosed => Volatile.Read(ref _closeReason) is not null;

    /// <summary>Why the connection closed (null while open).</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Completes when the connection is closed and its resources released.</summary>
    public Task Completion => _completion.Task;

    /// <summary>TLS: the certificate the peer presented (server's on outbound, client's if any on inbound).</summary>
    public X509Certificate2? RemoteCertificate { get; internal set; }

    /// <summary>TLS: negotiated protocol version.</summary>
    public SslProtocols TlsProtocol { get; internal set; }

    /// <summary>
    /// A pinned connection is exempt from the idle timeout (e.g. it carries a registration: the PBX must still reach
    /// the phone over it, RFC 5626 flows). It still closes on EOF, errors and <see cref="Close()"/>.
    /// </summary>
    public bool Pinned
    {
        get => _pinned;
        set => _pinned = value;
    }

    /// <summary>Bytes waiting in the send queue.</summary>
    public long QueuedBytes => _sendQueue.QueuedBytes;

    /// <summary>Completes with true when established, false when setting up failed.</summary>
    internal Task<bool> WhenEstablished => _established.Task;

    /// <summary>Copies <paramref name="data"/> (one whole message) onto the ordered send queue.</summary>
    public SendStatus Send(ReadOnlySpan<byte> data)
    {
        if (IsClosed)
        {
            return SendStatus.Closed;
        }

        var status = _sendQueue.Enqueue(data);
        if (status == SendStatus.QueueFull)
        {
            _transport.Counters.SendError();
        }

        return status;
    }

    /// <summary>Closes the connection now; queued data not yet written is dropped.</summary>
    public void Close() => Close("closed locally");

    public override string ToString() => $"#{Id} {_transport.Protocol} {Remote}";

    internal void Close(string reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        _idleTimer.Cancel();
        _sendQueue.Complete();
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        // Disposing the socket ends pending reads and writes at once, whatever the stream on top does.
        Interlocked.Exchange(ref _socket, null)?.Dispose();
    }

    internal void Start() => _ = RunAsync();

    internal void OnWritten(int messages, int bytes)
    {
        _transport.Counters.Sent(messages, bytes);
        Touch();
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        string reason = "closed by peer";
        bool established = false;
        Task writer = Task.CompletedTask;
        Stream? stream = null;
        var token = _cts.Token;
        try
        {
            if (IsOutbound)
            {
                await ConnectAsync(token).ConfigureAwait(false);
            }

            var socket = Volatile.Read(ref _socket) ?? throw new OperationCanceledException();
            stream = await _transport.OpenStreamAsync(this, socket, token).ConfigureAwait(false);
            Touch();
            Volatile.Write(ref _state, Open);
            established = true;
            _established.TrySetResult(true);
            TransportLog.ConnectionOpened(_transport.Logger, _transport.Name, Id, Remote.ToString(), IsOutbound ? "outbound" : "inbound");
            ScheduleIdleCheck(_transport.Options.IdleTimeout);
            writer = RunWriterAsync(stream, token);
            reason = await ReadLoopAsync(stream, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsClosed)
        {
            // Closed locally (stop, idle, filter): the reason is already recorded.
            _ = ex;
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException
            or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            reason = Describe(ex);
            if (!established)
            {
                LogSetupFailure(reason, ex);
            }
        }
        catch (Exception ex)
        {
            reason = "internal error";
            TransportLog.Unexpected(_transport.Logger, _transport.Name, "connection", ex);
        }
        finally
        {
            await FinishAsync(reason, established, writer, stream).ConfigureAwait(false);
        }
    }

    private async Task ConnectAsync(CancellationToken token)
    {
        var options = _transport.Options;
        var socket = new Socket(Remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (Interlocked.CompareExchange(ref _socket, socket, null) is not null || IsClosed)
        {
            socket.Dispose();
            throw new OperationCanceledException();
        }

        var bind = options.BindEndPoint;
        if (bind.AddressFamily == socket.AddressFamily && !bind.Address.Equals(System.Net.IPAddress.Any) &&
            !bind.Address.Equals(System.Net.IPAddress.IPv6Any))
        {
            socket.Bind(new System.Net.IPEndPoint(bind.Address, 0));
        }

        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            await socket.ConnectAsync(Remote.ToEndPoint(), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
        {
            throw new TimeoutException("connect timed out");
        }
    }

    private async Task RunWriterAsync(Stream stream, CancellationToken token)
    {
        try
        {
            await _sendQueue.WriteLoopAsync(stream, this, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!IsClosed)
            {
                _transport.Counters.SendError();
                Close("write failed: " + Describe(ex));
            }
        }
        catch (Exception ex)
        {
            TransportLog.Unexpected(_transport.Logger, _transport.Name, "connection writer", ex);
            Close("write failed");
        }
    }

    private async Task<string> ReadLoopAsync(Stream stream, CancellationToken token)
    {
        // Zero-byte reads: an idle connection holds no read buffer (thousands of registered phones sit idle).
        var reader = PipeReader.Create(
            stream,
            new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                Touch();
                var buffer = result.Buffer;
                string? failure = ProcessFrames(ref buffer);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (failure is not null)
                {
                    return failure;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    return buffer.IsEmpty ? "closed by peer" : "closed by peer inside a message";
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands every complete message in <paramref name="buffer"/> to the handler; returns a close reason or null.</summary>
    private string? ProcessFrames(ref ReadOnlySequence<byte> buffer)
    {
        var framer = _transport.Framer;
        int maxMessage = _transport.Options.MaxMessageSize;
        while (!buffer.IsEmpty && !IsClosed)
        {
            var frame = framer.Frame(buffer);
            switch (frame.Status)
            {
                case FrameStatus.NeedMoreData:
                    return buffer.Length > maxMessage ? FramingFailure($"message larger than {maxMessage} bytes") : null;
                case FrameStatus.KeepAlive when frame.Length > 0 && frame.Length <= buffer.Length:
                    OnKeepAlive(buffer.Slice(0, frame.Length));
                    buffer = buffer.Slice(frame.Length);
                    break;
                case FrameStatus.Message when frame.Length > 0 && frame.Length <= buffer.Length:
                    if (frame.Length > maxMessage)
                    {
                        return FramingFailure($"message of {frame.Length} bytes, limit {maxMessage}");
                    }

                    if (!IsAdmitted())
                    {
                        _transport.Counters.Dropped();
                        return "refused by admission filter";
                    }

                    Deliver(buffer.Slice(0, frame.Length));
                    buffer = buffer.Slice(frame.Length);
                    break;
                case FrameStatus.Invalid:
                    return FramingFailure(frame.Error ?? "unframeable data");
                default:
                    return FramingFailure($"framer returned {frame.Status} with length {frame.Length}");
            }
        }

        return null;
    }

    private void Deliver(ReadOnlySequence<byte> message)
    {
        int length = (int)message.Length;
        ReadOnlyMemory<byte> data;
        if (message.IsSingleSegment)
        {
            data = message.First;
        }
        else
        {
            if (_scratch is null || _scratch.Length < length)
            {
                if (_scratch is not null)
                {
                    _transport.Options.BufferPool.Return(_scratch);
                }

                _scratch = null;
                _scratch = _transport.Options.BufferPool.Rent(length);
            }

            message.CopyTo(_scratch);
            data = _scratch.AsMemory(0, length);
        }

        _transport.Counters.Received(length);
        try
        {
            _transport.Handler.OnMessage(data, new RemotePeer(Remote, this), _transport.Local);
        }
        catch (Exception ex)
        {
            _transport.Counters.HandlerError();
            TransportLog.HandlerFailed(_transport.Logger, _transport.Name, Remote.ToString(), ex);
        }
    }

    private void OnKeepAlive(ReadOnlySequence<byte> keepAlive)
    {
        _transport.Counters.KeepAlive();
        if (keepAlive.Length > MaxKeepAliveBytes)
        {
            return;
        }

        Span<byte> copy = stackalloc byte[MaxKeepAliveBytes];
        keepAlive.CopyTo(copy);
        try
        {
            _transport.Handler.OnKeepAlive(copy[..(int)keepAlive.Length], new RemotePeer(Remote, this), _transport.Local);
        }
        catch (Exception ex)
        {
            _transport.Counters.HandlerError();
            TransportLog.HandlerFailed(_transport.Logger, _transport.Name, Remote.ToString(), ex);
        }
    }

    private bool IsAdmitted()
    {
        Span<byte> raw = stackalloc byte[16];
        int length = Remote.WriteAddressBytes(raw);
        return _transport.AdmissionFilter.Admit(raw[..length]);
    }

    private string FramingFailure(string reason)
    {
        _transport.Counters.FramingError();
        TransportLog.FramingError(_transport.Logger, _transport.Name, Remote.ToString(), reason);
        return "framing error: " + reason;
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _transport.Options.TimeProvider.GetTimestamp());

    private void ScheduleIdleCheck(TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan || IsClosed)
        {
            return;
        }

        try
        {
            _idleTimer = _transport.Wheel.Schedule(delay, s_checkIdle, this);
        }
        catch (ObjectDisposedException)
        {
            // the transport is stopping
        }

        if (IsClosed)
        {
            _idleTimer.Cancel();
        }
    }

    private void CheckIdle()
    {
        if (IsClosed)
        {
            return;
        }

        var limit = _transport.Options.IdleTimeout;
        var idle = _transport.Options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (_pinned)
        {
            ScheduleIdleCheck(limit);
        }
        else if (idle >= limit)
        {
            Close("idle timeout");
        }
        else
        {
            ScheduleIdleCheck(limit - idle);
        }
    }

    private async Task FinishAsync(string reason, bool established, Task writer, Stream? stream)
    {
        Close(reason);
        try
        {
            await writer.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            TransportLog.Unexpected(_transport.Logger, _transport.Name, "connection writer", ex);
        }

        _sendQueue.Drain();
        if (stream is not null)
        {
            try
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
            }
        }

        if (_scratch is not null)
        {
            _transport.Options.BufferPool.Return(_scratch);
            _scratch = null;
        }

        _cts.Dispose();
        Volatile.Write(ref _state, Closed);
        _established.TrySetResult(false);
        _transport.OnConnectionFinished(this);
        TransportLog.ConnectionClosed(_transport.Logger, _transport.Name, Id, Remote.ToString(), CloseReason ?? reason);
        if (established)
        {
            try
            {
                _transport.Handler.OnConnectionClosed(new RemotePeer(Remote, this), _transport.Local);
            }
            catch (Exception ex)
            {
                _transport.Counters.HandlerError();
                TransportLog.HandlerFailed(_transport.Logger, _transport.Name, Remote.ToString(), ex);
            }
        }

        _completion.TrySetResult();
    }

    private void LogSetupFailure(string reason, Exception ex)
    {
        if (IsOutbound)
        {
            TransportLog.ConnectFailed(_transport.Logger, _transport.Name, Remote.ToString(), reason);
        }
        else if (ex is AuthenticationException or IOException)
        {
            TransportLog.HandshakeFailed(_transport.Logger, _transport.Name, Remote.ToString(), reason);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        SocketException se => se.SocketErrorCode.ToString(),
        IOException { InnerException: SocketException se } => se.SocketErrorCode.ToString(),
        AuthenticationException => "TLS handshake failed: " + ex.Message,
        TimeoutException => ex.Message,
        OperationCanceledException => "cancelled",
        _ => ex.Message,
    };
}
