namespace Switchboard.Common.Framing;

/// <summary>What the framer found at the start of a stream buffer.</summary>
public enum FrameStatus
{
    /// <summary>Not enough bytes yet.</summary>
    NeedMoreData,

    /// <summary>The first <see cref="FrameResult.Length"/> bytes are one complete message.</summary>
    Message,

    /// <summary>The first <see cref="FrameResult.Length"/> bytes are a keep-alive (e.g. CRLF ping) to consume.</summary>
    KeepAlive,

    /// <summary>The stream cannot be framed (e.g. missing Content-Length); the connection should be closed.</summary>
    Invalid,
}

/// <summary>Result of <see cref="IMessageFramer.Frame"/>.</summary>
public readonly record struct FrameResult(FrameStatus Status, long Length, string? Error = null)
{
    public static FrameResult NeedMore => new(FrameStatus.NeedMoreData, 0);
}
