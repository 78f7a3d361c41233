namespace Switchboard.Config.Pjsip;

/// <summary><c>protocol=</c> of a transport.</summary>
public enum TransportProtocol
{
    Udp,
    Tcp,
    Tls,
    Ws,
    Wss,
}
