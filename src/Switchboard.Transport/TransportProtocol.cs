namespace Switchboard.Transport;

/// <summary>Transport protocols, as pjsip.conf's <c>protocol=</c> names them.</summary>
public enum TransportProtocol
{
    Udp,
    Tcp,
    Tls,
    Ws,
    Wss,
}
