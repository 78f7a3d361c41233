namespace Switchboard.Sip.Transactions;

/// <summary>The transport a SIP message travels on (the Via transport token).</summary>
public enum SipTransportProtocol : byte
{
    Udp,
    Tcp,
    Tls,
    Ws,
    Wss,
}
