using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Manager.Actions;
using Switchboard.Manager.Protocol;
using Switchboard.Transport;
using Switchboard.Transport.Streams;

namespace Switchboard.Manager.Sessions;

/// <summary>
/// Serves one AMI connection: banner, then requests one at a time until Logoff, a failed login, an error that ends
/// the connection (line too long), the unauthenticated timeout, a full send queue or the peer going away.
/// </summary>
internal sealed partial class AmiConnectionHandler(ManagerContext manager, AmiDispatcher dispatcher, AmiConnectionLimits limits, IPEndPoint fallbackLocal) : IStreamHandler
{
    public async Task HandleConnectionAsync(Stream stream, PeerAddress remote, CancellationToken cancellationToken)
    {
        var local = fallbackLocal;
        if (stream is NetworkStream ns)
        {
            ns.Socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            TrySetKeepAlive(ns.Socket);
            local = ns.Socket.LocalEndPoint as IPEndPoint ?? fallbackLocal;
        }

        if (manager.Sessions.UnauthenticatedCount >= manager.Config.AuthLimit)
        {
            LogAuthLimit(manager.Log, remote.ToString());
            return;
        }

        var outbox = new AmiOutbox(limits.SendQueueMessages, limits.SendQueueBytes);
        var session = new AmiSession(manager.Sessions.NextId(), remote.ToEndPoint(), local, manager.Time.GetUtcNow(), outbox, cancellationToken);
        manager.Sessions.Add(session);
        var authTimer = manager.Time.CreateTimer(static s =>
        {
            var session = (AmiSession)s!;
            if (!session.IsAuthenticated)
            {
                session.Close("authentication timeout");
            }
        }, session, manager.Config.AuthTimeout, Timeout.InfiniteTimeSpan);
        var writer = RunWriterAsync(session, stream);
        try
        {
            session.Send("Asterisk Call Manager/" + CoreActions.AmiVersion + "\r\n");
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, leaveOpen: true));
            var requests = new AmiRequestReader(reader, limits.MaxLineLength);
            await ServeAsync(session, requests).ConfigureAwait(false);
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            session.Close(ex is OperationCanceledException ? session.CloseReason ?? "cancelled" : "connection error");
        }
        finally
        {
            await authTimer.DisposeAsync().ConfigureAwait(false);
            session.Close(session.CloseReason ?? "closed");
            await Task.WhenAny(writer, Task.Delay(limits.WriteTimeout, manager.Time)).ConfigureAwait(false);
            manager.Sessions.Remove(session);
            LogClosed(manager.Log, session.SessionId, remote.ToString(), session.CloseReason ?? "closed");
            session.Dispose();
        }
    }

    private async Task ServeAsync(AmiSession session, AmiRequestReader requests)
    {
        while (session.CloseReason is null)
        {
            var (status, request) = await requests.ReadAsync(session.Closed).ConfigureAwait(false);
            switch (status)
            {
                case AmiReadStatus.Message:
                    await dispatcher.DispatchAsync(session, request!, session.Closed).ConfigureAwait(false);
                    break;
                case AmiReadStatus.TooLong:
                    session.Send(AmiMessage.Error(null, "Line too long"));
                    session.Close("line too long");
                    return;
                case AmiReadStatus.TooManyHeaders:
                    session.Send(AmiMessage.Error(null, "Too many lines in message"));
                    session.Close("too many headers");
                    return;
                default:
                    session.Close("peer closed");
                    return;
            }
        }
    }

    private async Task RunWriterAsync(AmiSession session, Stream stream)
    {
        await Task.Yield();
        try
        {
            // The writer drains until Close completes the queue, so a final error or Goodbye is still sent.
            await session.Outbox.RunAsync(stream, limits.WriteTimeout, manager.Time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            session.Close("write failed or timed out");
        }
    }

    private static void TrySetKeepAlive(Socket socket)
    {
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        }
        catch (SocketException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMI connection from {Remote} refused: too many unauthenticated sessions")]
    private static partial void LogAuthLimit(ILogger log, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "AMI session {Session} from {Remote} closed: {Reason}")]
    private static partial void LogClosed(ILogger log, string session, string remote, string reason);
}
