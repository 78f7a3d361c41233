namespace Switchboard.Sip.Framing;

/// <summary>What the stream framer found at the start of the buffer.</summary>
public enum SipFrameKind : byte
{
    /// <summary>More bytes are needed; consume nothing.</summary>
    Incomplete = 0,

    /// <summary>A complete SIP message of <see cref="SipFrame.Length"/> bytes.</summary>
    Message,

    /// <summary>An RFC 5626 keep-alive ping (CRLFCRLF): consume it and answer with a pong (CRLF).</summary>
    Ping,

    /// <summary>An RFC 5626 pong (a single CRLF): consume it.</summary>
    Pong,

    /// <summary>The stream cannot be framed (see <see cref="SipFrame.Error"/>); close the connection.</summary>
    Error,
}
