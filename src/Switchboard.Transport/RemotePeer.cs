using Switchboard.Transport.Streams;

namespace Switchboard.Transport;

/// <summary>
/// Where a message came from (or goes to): the remote address and, on stream transports, the connection it came
/// over (responses go back over that connection, RFC 3261 §18.2.2).
/// </summary>
public readonly struct RemotePeer
{
    public RemotePeer(PeerAddress address, StreamConnection? connection = null)
    {
        Address = address;
        Connection = connection;
    }

    public PeerAddress Address { get; }

    /// <summary>The connection on stream transports; null for datagrams.</summary>
    public StreamConnection? Connection { get; }

    public static implicit operator RemotePeer(PeerAddress address) => new(address);

    public override string ToString() => Address.ToString();
}
