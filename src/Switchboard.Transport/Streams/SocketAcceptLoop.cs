using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Transport.Logging;

namespace Switchboard.Transport.Streams;

/// <summary>
/// Accepts connections on a listening socket; refuses (RST) those the admission filter rejects or beyond the
/// connection limit, before any byte is read; hands the rest to its target.
/// </summary>
internal sealed class SocketAcceptLoop
{
    private const int ErrorBurstBeforePause = 16;
    private readonly string _name;
    private readonly Socket _listener;
    private readonly IAcceptTarget _target;
    private readonly TransportCounters _counters;
    private readonly ILogger _logger;

    public SocketAcceptLoop(string name, Socket listener, IAcceptTarget target, TransportCounters counters, ILogger logger)
    {
        _name = name;
        _listener = listener;
        _target = target;
        _counters = counters;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken token)
    {
        await Task.Yield();
        int errorBurst = 0;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(token).ConfigureAwait(false);
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

                _counters.ReceiveError();
                TransportLog.AcceptFailed(_logger, _name, ex.SocketErrorCode);
                if (++errorBurst >= ErrorBurstBeforePause)
                {
                    // e.g. out of file descriptors: back off instead of spinning.
                    errorBurst = 0;
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                continue;
            }

            try
            {
                Admit(socket);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // reset by the peer before we looked at it
                ListenSocket.Abort(socket);
            }
            catch (Exception ex)
            {
                TransportLog.Unexpected(_logger, _name, "accept", ex);
                ListenSocket.Abort(socket);
            }
        }
    }

    private void Admit(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint endPoint)
        {
            ListenSocket.Abort(socket);
            return;
        }

        var peer = PeerAddress.FromEndPoint(endPoint);
        Span<byte> raw = stackalloc byte[16];
        int length = peer.WriteAddressBytes(raw);
        if (!_target.AdmissionFilter.Admit(raw[..length]))
        {
            _counters.Dropped();
            _counters.Rejected();
            ListenSocket.Abort(socket);
            TransportLog.ConnectionRefused(_logger, _name, peer.ToString(), "admission filter");
            return;
        }

        if (!_target.HasCapacity)
        {
            _counters.Rejected();
            ListenSocket.Abort(socket);
            TransportLog.ConnectionRefused(_logger, _name, peer.ToString(), "connection limit");
            return;
        }

        _counters.Accepted();
        _target.OnAccepted(socket, peer);
    }
}
