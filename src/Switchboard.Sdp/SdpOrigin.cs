namespace Switchboard.Sdp;

/// <summary>The o= line: username, session id, session version, network type, address type, address.</summary>
public sealed class SdpOrigin
{
    public string Username { get; set; } = "-";

    /// <summary>Session id as written (numeric string; kept as text so over-long ids survive).</summary>
    public string SessionId { get; set; } = "0";

    /// <summary>Session version; an offerer increments it on every changed re-offer (RFC 3264 §8).</summary>
    public ulong SessionVersion { get; set; }

    public string NetworkType { get; set; } = "IN";

    public string AddressType { get; set; } = "IP4";

    public string Address { get; set; } = "0.0.0.0";
}
