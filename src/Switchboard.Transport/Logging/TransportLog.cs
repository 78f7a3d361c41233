using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Transport.Logging;

/// <summary>Log messages of Switchboard.Transport (event ids 2000-2099).</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Transport {Transport} listening on {Protocol} {EndPoint}")]
    public static partial void Listening(ILogger logger, string transport, TransportProtocol protocol, string endPoint);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Transport {Transport} stopped")]
    public static partial void Stopped(ILogger logger, string transport);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Transport {Transport}: receive error {Error}")]
    public static partial void ReceiveError(ILogger logger, string transport, SocketError error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Transport {Transport}: send to {Peer} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string transport, string peer, SocketError error);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Transport {Transport}: handler failed on a message from {Peer}")]
    public static partial void HandlerFailed(ILogger logger, string transport, string peer, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Transport {Transport}: accept failed: {Error}")]
    public static partial void AcceptFailed(ILogger logger, string transport, SocketError error);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Transport {Transport}: connection from {Peer} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string transport, string peer, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Transport {Transport}: connection {Id} with {Peer} opened ({Direction})")]
    public static partial void ConnectionOpened(ILogger logger, string transport, long id, string peer, string direction);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Transport {Transport}: connection {Id} with {Peer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string transport, long id, string peer, string reason);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Transport {Transport}: framing error from {Peer}: {Reason}; closing connection")]
    public static partial void FramingError(ILogger logger, string transport, string peer, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Transport {Transport}: connection to {Peer} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string transport, string peer, string reason);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Transport {Transport}: TLS handshake with {Peer} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string transport, string peer, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Transport {Transport}: no TLS certificate available; refusing connection from {Peer}")]
    public static partial void NoCertificate(ILogger logger, string transport, string peer);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Listener {Listener}: connection handler failed for {Peer}")]
    public static partial void StreamHandlerFailed(ILogger logger, string listener, string peer, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Error, Message = "Transport {Transport}: unexpected error in {Operation}")]
    public static partial void Unexpected(ILogger logger, string transport, string operation, Exception exception);
}
