using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Media;
using Switchboard.Transport.Rtp.IoUring;

namespace Switchboard.Transport.Rtp;

/// <summary>
/// The UDP socket pair of one RTP leg: RTP on an even port, RTCP on the next. On Linux both sockets join the shared
/// <see cref="RtpReceiveEngine"/> (a few epoll threads serving every leg, datagrams handed to the sink synchronously
/// on that thread); elsewhere each socket has its own async receive loop
/// (<see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>) into a
/// buffer rented once and a reused <see cref="SocketAddress"/>. Either way nothing is allocated per packet. Sends are
/// synchronous sendto calls on the caller's thread, except on an io_uring RTP thread, where they join its batch.
/// </summary>
public sealed partial class UdpRtpSocket : IRtpSocket
{
    /// <summary>Receive buffer size: larger than any RTP packet on an Ethernet path.</summary>
    public const int BufferSize = 2048;

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly SafeSocketHandle _rtpHandle;
    private readonly SafeSocketHandle _rtcpHandle;
    private readonly int _rtpFd;
    private readonly int _rtcpFd;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _engineStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _rtpLoop;
    private Task? _rtcpLoop;
    private RtpReceiveRegistration? _rtpRegistration;
    private RtpReceiveRegistration? _rtcpRegistration;
    private IRtpPacketSink? _sink;
    private int _started;
    private int _disposed;

    internal UdpRtpSocket(Socket rtp, Socket rtcp, ILogger? logger)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        _rtpHandle = rtp.SafeHandle;
        _rtcpHandle = rtcp.SafeHandle;
        _rtpFd = (int)_rtpHandle.DangerousGetHandle();
        _rtcpFd = (int)_rtcpHandle.DangerousGetHandle();
        _logger = logger ?? NullLogger.Instance;
        LocalRtpEndPoint = (IPEndPoint)rtp.LocalEndPoint!;
        LocalRtcpEndPoint = (IPEndPoint)rtcp.LocalEndPoint!;
    }

    public IPEndPoint LocalRtpEndPoint { get; }

    public IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>Datagrams that failed to send (socket errors other than a closed socket).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    private long _sendErrors;

    public void Start(IRtpPacketSink sink) => Start(sink, null);

    public void Start(IRtpPacketSink sink, IRtpSocket? near)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("receive loops already started");
        }

        _sink = sink;
        var engine = UseEngine ? Engine ?? RtpReceiveEngine.Shared : null;
        if (engine is not null)
        {
            var rtp = new RtpReceiveRegistration(this, _rtp, rtcp: false);
            var rtcp = new RtpReceiveRegistration(this, _rtcp, rtcp: true);
            var preferred = (near as UdpRtpSocket)?._rtpRegistration is { Closed: false } nearRegistration ? nearRegistration.Loop : null;
            if (engine.TryRegister(rtp, rtcp, preferred))
            {
                _rtpRegistration = rtp;
                _rtcpRegistration = rtcp;
                _rtpLoop = _engineStopped.Task;
                _rtcpLoop = Task.CompletedTask;
                return;
            }
        }

        _rtpLoop = ReceiveLoop(_rtp, sink, rtcp: false, _stop.Token);
        _rtcpLoop = ReceiveLoop(_rtcp, sink, rtcp: true, _stop.Token);
    }

    /// <summary>False makes <see cref="Start"/> use the per-socket async loops even where the epoll engine runs.</summary>
    internal bool UseEngine { get; set; } = true;

    /// <summary>The engine to join instead of the process's shared one (tests).</summary>
    internal RtpReceiveEngine? Engine { get; set; }

    /// <summary>The RTP socket (tests inspect its options).</summary>
    internal Socket RtpSocket => _rtp;

    /// <summary>The engine thread serving this pair (null when not on an engine).</summary>
    internal RtpReceiveThread? EngineThread => _rtpRegistration?.Loop;

    /// <summary>The RTP socket's registration with its receive thread (null when not on an engine).</summary>
    internal RtpReceiveRegistration? RtpRegistration => _rtpRegistration;

    /// <summary>The RTP socket's slot in its io_uring thread's registered file table (-1: none).</summary>
    internal int RtpFixedSlot => _rtpRegistration?.FixedSlot ?? -1;

    /// <summary>True when the shared epoll engine delivers this pair's datagrams.</summary>
    internal bool OnEngine => _rtpRegistration is not null;

    /// <summary>Called by the engine's thread for every datagram.</summary>
    internal void Deliver(Span<byte> packet, SocketAddress source, bool rtcp)
    {
        var sink = _sink!;
        try
        {
            if (rtcp)
            {
                sink.OnRtcpPacket(packet, source);
            }
            else
            {
                sink.OnRtpPacket(packet, source);
            }
        }
        catch (Exception ex)
        {
            // A faulty consumer loses the packet, never the loop.
            LogSinkFailed(_logger, ex, rtcp ? LocalRtcpEndPoint : LocalRtpEndPoint);
        }
    }

    public bool SendRtp(ReadOnlySpan<byte> packet, SocketAddress destination) => Send(_rtp, packet, destination);

    /// <summary>Adds this socket and what handling its received RTP touches (the sink's objects), to be prefetched.</summary>
    internal void CollectReceivePrefetch(ref RtpPrefetchList list)
    {
        list.Add(this, 2);
        if (_sink is { } sink)
        {
            sink.CollectPrefetch(ref list);
        }
    }

    void IRtpSocket.CollectSendPrefetch(ref RtpPrefetchList list)
    {
        list.Add(this, 2);
        list.Add(_rtpRegistration);
    }

    public bool SendRtcp(ReadOnlySpan<byte> packet, SocketAddress destination) => Send(_rtcp, packet, destination);

    /// <summary>Completes when both receive loops have ended (after <see cref="Dispose"/>).</summary>
    public Task Completion => Task.WhenAll(_rtpLoop ?? Task.CompletedTask, _rtcpLoop ?? Task.CompletedTask);

    private bool Send(Socket socket, ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        if (RtpRingLoop.Current is { } ring)
        {
            // On an io_uring RTP thread (the relay answering a received datagram): batched with the thread's other
            // sends into its next io_uring_enter.
            bool rtp = ReferenceEquals(socket, _rtp);
            if (ring.TryQueueSend(rtp ? _rtpHandle : _rtcpHandle, rtp ? _rtpFd : _rtcpFd, rtp ? _rtpRegistration : _rtcpRegistration, packet, destination))
            {
                return true;
            }
        }

        try
        {
            return socket.SendTo(packet, SocketFlags.None, destination) == packet.Length;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (SocketException ex)
        {
            // Unreachable destinations and full buffers lose this datagram only; RTP tolerates loss.
            if (Interlocked.Increment(ref _sendErrors) == 1)
            {
                LogSendFailed(_logger, LocalRtpEndPoint, ex.SocketErrorCode);
            }

            return false;
        }
    }

    private async Task ReceiveLoop(Socket socket, IRtpPacketSink sink, bool rtcp, CancellationToken token)
    {
        await Task.Yield();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var source = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!token.IsCancellationRequested)
            {
                int received;
                try
                {
                    // No cancellation token: Dispose closes the socket, which ends the pending receive. (A token would
                    // add a registration per receive.)
                    received = await socket.ReceiveFromAsync(buffer.AsMemory(0, BufferSize), SocketFlags.None, source, CancellationToken.None).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex) when (IsTransient(ex.SocketErrorCode))
                {
                    // ICMP errors reported on a later receive (ConnectionReset etc.): keep receiving.
                    continue;
                }
                catch (SocketException ex)
                {
                    if (!token.IsCancellationRequested)
                    {
                        LogReceiveFailed(_logger, rtcp ? LocalRtcpEndPoint : LocalRtpEndPoint, ex.SocketErrorCode);
                    }

                    break;
                }

                try
                {
                    if (rtcp)
                    {
                        sink.OnRtcpPacket(buffer.AsSpan(0, received), source);
                    }
                    else
                    {
                        sink.OnRtpPacket(buffer.AsSpan(0, received), source);
                    }
                }
                catch (Exception ex)
                {
                    // A faulty consumer loses the packet, never the loop.
                    LogSinkFailed(_logger, ex, rtcp ? LocalRtcpEndPoint : LocalRtpEndPoint);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.MessageSize or SocketError.Interrupted;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        if (_rtpRegistration is { } rtp)
        {
            rtp.Loop?.Remove(rtp);
        }

        if (_rtcpRegistration is { } rtcp)
        {
            rtcp.Loop?.Remove(rtcp);
        }

        _engineStopped.TrySetResult();
        _rtp.Dispose();
        _rtcp.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 3150, Level = LogLevel.Warning, Message = "RTP send from {Local} failed: {Error} (further failures are counted, not logged)")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint local, SocketError error);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Warning, Message = "RTP receive loop on {Local} stopped: {Error}")]
    private static partial void LogReceiveFailed(ILogger logger, IPEndPoint local, SocketError error);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Error, Message = "RTP consumer failed on {Local}; packet dropped")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, IPEndPoint local);
}
