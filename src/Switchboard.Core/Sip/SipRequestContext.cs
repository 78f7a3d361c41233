using System.Net;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>
/// A new request handed to a handler: its server transaction (which owns a copy of the request until the final
/// response), the transport it came in on and the source address.
/// </summary>
public sealed class SipRequestContext
{
    public SipRequestContext(ServerTransaction transaction, LocalTransportInfo local, SipPeer peer)
    {
        Transaction = transaction;
        Local = local;
        Peer = peer;
    }

    public ServerTransaction Transaction { get; }

    /// <summary>The request (the transaction's copy; valid until the final response is sent).</summary>
    public SipMessage Request => Transaction.Request;

    public LocalTransportInfo Local { get; }

    public SipPeer Peer { get; }

    public IPEndPoint Source => Peer.Remote;

    /// <summary>UDP, TCP, TLS ... as Asterisk prints transports.</summary>
    public string ProtocolName => Local.Protocol.ToString().ToUpperInvariant();
}
