namespace Switchboard.Sip.Messages;

/// <summary>How the message arrived, which decides the body rules of RFC 3261 §18.3.</summary>
public enum SipParseMode : byte
{
    /// <summary>UDP: a missing Content-Length means the rest of the datagram; a larger one is an error.</summary>
    Datagram = 0,

    /// <summary>TCP/TLS/WS (already framed): Content-Length is mandatory.</summary>
    Stream = 1,
}
