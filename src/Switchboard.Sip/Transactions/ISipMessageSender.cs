namespace Switchboard.Sip.Transactions;

/// <summary>
/// Sends the bytes of one SIP message to a peer. Implemented by Core over the sockets; the SIP layer never opens
/// sockets. Must not call back into the transaction layer synchronously. Must copy or finish with
/// <paramref name="message"/> before returning (the span is reused).
/// </summary>
public interface ISipMessageSender
{
    /// <summary>Sends <paramref name="message"/>; false on a transport error (no route, connection gone, send failed).</summary>
    bool Send(in SipPeer peer, ReadOnlySpan<byte> message);
}
