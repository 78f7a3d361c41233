using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Logging;

namespace Switchboard.Transport.Udp;

/// <summary>
/// SIP over UDP: one socket, a few concurrent receive loops with pooled buffers and reused socket addresses (no
/// allocation per datagram), the admission filter before anything else, the handler called synchronously.
/// </summary>
public sealed class UdpTransport : ITransport
{
    /// <summary>Largest payload one datagram can carry (IPv6 without jumbograms).</summary>
    public const int MaxDatagramSize = 65527;

    private const int MaxIPv4Datagram = 65507;
    private const int ReceiveBufferSize = 65536;
    private const int ErrorBurstBeforePause = 64;

    [ThreadStatic]
    private static SocketAddress? t_sendAddress4;

    [ThreadStatic]
    private static SocketAddress? t_sendAddress6;

    private readonly UdpTransportOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Socket? _socket;
    private ITransportHandler? _handler;
    private Task[] _loops = [];
    private long[] _busySince = [];
    private IAdmissionFilter _filter;
    private bool _started;
    private bool _stopped;

    public UdpTransport(UdpTransportOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReceiveLoops, 1);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _filter = options.AdmissionFilter;
        Local = new LocalTransportInfo(this, options.Name, TransportProtocol.Udp, options.BindEndPoint);
    }

    public string Name => _options.Name;

    public TransportProtocol Protocol => TransportProtocol.Udp;

    public LocalTransportInfo Local { get; private set; }

    public TransportCounters Counters { get; } = new();

    public IAdmissionFilter AdmissionFilter
    {
        get => Volatile.Read(ref _filter);
        set => Volatile.Write(ref _filter, value ?? AdmitAllFilter.Instance);
    }

    public void Start(ITransportHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_started)
            {
                throw new InvalidOperationException($"Transport {Name} is already started.");
            }

            var bind = _options.BindEndPoint;
            var socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                if (bind.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    socket.DualMode = _options.DualMode;
                }

                TrySetBufferSizes(socket);
                socket.Bind(bind);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _handler = handler;
            Local = new LocalTransportInfo(this, Name, TransportProtocol.Udp, (IPEndPoint)socket.LocalEndPoint!);
            _started = true;
            _loops = new Task[_options.ReceiveLoops];
            _busySince = new long[_loops.Length];
            for (int i = 0; i < _loops.Length; i++)
            {
                _loops[i] = ReceiveLoopAsync(socket, handler, Local, i);
            }
        }

        TransportLog.Listening(_logger, Name, Protocol, Local.EndPoint.ToString());
    }

    public SendStatus Send(ReadOnlySpan<byte> data, in RemotePeer destination, string? serverName = null)
    {
        var socket = _socket;
        if (socket is null || _stopped)
        {
            return SendStatus.Closed;
        }

        var to = destination.Address;
        if (data.Length > (to.IsIPv4 ? MaxIPv4Datagram : MaxDatagramSize))
        {
            return SendStatus.TooLarge;
        }

        var address = socket.AddressFamily == AddressFamily.InterNetwork
            ? t_sendAddress4 ??= new SocketAddress(AddressFamily.InterNetwork)
            : t_sendAddress6 ??= new SocketAddress(AddressFamily.InterNetworkV6);
        if (!CanReach(socket, to) || !SocketAddressCodec.TryWrite(to, address))
        {
            return SendStatus.AddressFamilyMismatch;
        }

        try
        {
            socket.SendTo(data, SocketFlags.None, address);
            Counters.Sent(data.Length);
            return SendStatus.Sent;
        }
        catch (SocketException ex)
        {
            Counters.SendError();
            TransportLog.SendFailed(_logger, Name, to.ToString(), ex.SocketErrorCode);
            return SendStatus.Error;
        }
        catch (ObjectDisposedException)
        {
            return SendStatus.Closed;
        }
    }

    public ValueTask<SendStatus> SendAsync(
        ReadOnlyMemory<byte> data,
        RemotePeer destination,
        string? serverName = null,
        CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(Send(data.Span, destination, serverName));
    }

    public async ValueTask StopAsync()
    {
        Task[] loops;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            loops = _loops;
        }

        _stop.Cancel();
        _socket?.Dispose();
        await Task.WhenAll(loops).ConfigureAwait(false);
        _stop.Dispose();
        if (_started)
        {
            TransportLog.Stopped(_logger, Name);
        }
    }

    public ValueTask DisposeAsync() => StopAsync();

    private static bool CanReach(Socket socket, in PeerAddress to) =>
        socket.AddressFamily == AddressFamily.InterNetworkV6 ? !to.IsIPv4 || socket.DualMode : to.IsIPv4;

    private void TrySetBufferSizes(Socket socket)
    {
        try
        {
            if (_options.SocketReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.SocketReceiveBufferSize;
            }

            if (_options.SocketSendBufferSize > 0)
            {
                socket.SendBufferSize = _options.SocketSendBufferSize;
            }
        }
        catch (SocketException ex)
        {
            TransportLog.ReceiveError(_logger, Name, ex.SocketErrorCode);
        }
    }

    /// <summary>
    /// How long the socket has had datagrams waiting without a break: the longest time any receive loop has found a
    /// datagram ready at every read (never had to wait for one). Zero while the loops keep up. An overload signal:
    /// it grows while the receive path cannot keep up with what arrives (the datagrams wait in the kernel's buffer).
    /// </summary>
    public TimeSpan ReceiveBacklog
    {
        get
        {
            long now = TimeProvider.System.GetTimestamp();
            long oldest = 0;
            foreach (ref readonly long since in _busySince.AsSpan())
            {
                long s = Volatile.Read(in since);
                if (s != 0 && (oldest == 0 || s < oldest))
                {
                    oldest = s;
                }
            }

            return oldest == 0 ? TimeSpan.Zero : TimeProvider.System.GetElapsedTime(oldest, now);
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, ITransportHandler handler, LocalTransportInfo local, int loop)
    {
        await Task.Yield();
        var buffer = _options.BufferPool.Rent(ReceiveBufferSize);
        var address = new SocketAddress(socket.AddressFamily);
        int maxAddressSize = address.Size;
        int errorBurst = 0;
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                int received;
                try
                {
                    address.Size = maxAddressSize;
                    var pending = socket.ReceiveFromAsync(buffer, SocketFlags.None, address, token);
                    if (!pending.IsCompleted)
                    {
                        Volatile.Write(ref _busySince[loop], 0); // drained: nothing was waiting
                    }
                    else if (Volatile.Read(in _busySince[loop]) == 0)
                    {
                        Volatile.Write(ref _busySince[loop], TimeProvider.System.GetTimestamp());
                    }

                    received = await pending.ConfigureAwait(false);
                    errorBurst = 0;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    if (token.IsCancellationRequested || ex.SocketErrorCode == SocketError.OperationAborted)
                    {
                        break;
                    }

                    if (!IsTransientReceiveError(ex.SocketErrorCode))
                    {
                        Counters.ReceiveError();
                        TransportLog.ReceiveError(_logger, Name, ex.SocketErrorCode);
                    }

                    if (++errorBurst >= ErrorBurstBeforePause)
                    {
                        // A socket that fails every time must not spin a core.
                        errorBurst = 0;
                        await Task.Delay(TimeSpan.FromMilliseconds(50), token).ConfigureAwait(false);
                    }

                    continue;
                }

                Deliver(buffer.AsMemory(0, received), address, handler, local);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception ex)
        {
            TransportLog.Unexpected(_logger, Name, "receive loop", ex);
        }
        finally
        {
            _options.BufferPool.Return(buffer);
        }
    }

    /// <summary>Per-datagram path after the socket read: address decode, admission filter, handler (internal for benchmarks).</summary>
    internal void Deliver(ReadOnlyMemory<byte> datagram, SocketAddress from, ITransportHandler handler, LocalTransportInfo local)
    {
        if (!SocketAddressCodec.TryRead(from, out var peer))
        {
            Counters.ReceiveError();
            return;
        }

        Span<byte> raw = stackalloc byte[16];
        int length = peer.WriteAddressBytes(raw);
        if (!AdmissionFilter.Admit(raw[..length]))
        {
            Counters.Dropped();
            return;
        }

        if (datagram.IsEmpty)
        {
            Counters.KeepAlive();
            return;
        }

        Counters.Received(datagram.Length);
        try
        {
            handler.OnMessage(datagram, new RemotePeer(peer), local);
        }
        catch (Exception ex)
        {
            Counters.HandlerError();
            TransportLog.HandlerFailed(_logger, Name, peer.ToString(), ex);
        }
    }

    // ICMP errors reported on the socket (port/host unreachable after an earlier send) say nothing about this read.
    private static bool IsTransientReceiveError(SocketError error) => error is SocketError.ConnectionReset
        or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.MessageSize or SocketError.TimedOut or SocketError.Interrupted;
}
