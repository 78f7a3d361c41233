namespace Switchboard.Sdp;

/// <summary>RFC 3264 stream direction attribute (a=sendrecv, a=sendonly, a=recvonly, a=inactive).</summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
