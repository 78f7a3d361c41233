namespace Switchboard.Transport;

/// <summary>
/// Receives what a transport reads. Called synchronously on the receive loop: do the minimum (parse, route, post to
/// a serializer) and return. <paramref name="data"/> is only valid during the call; copy what must outlive it.
/// </summary>
public interface ITransportHandler
{
    /// <summary>One datagram, or one framed message of a stream connection.</summary>
    void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local);

    /// <summary>A keep-alive the framer recognised on a stream (e.g. a CRLFCRLF ping, RFC 5626 §4.4.1).</summary>
    void OnKeepAlive(ReadOnlySpan<byte> data, in RemotePeer peer, LocalTransportInfo local)
    {
    }

    /// <summary>A stream connection closed (by either side, idle timeout or error).</summary>
    void OnConnectionClosed(in RemotePeer peer, LocalTransportInfo local)
    {
    }
}
