namespace Switchboard.Manager.Protocol;

/// <summary>Outcome of reading one message from a connection.</summary>
public enum AmiReadStatus
{
    /// <summary>A complete message was read.</summary>
    Message,

    /// <summary>A line (or a whole message) exceeded the limit; the connection should be closed.</summary>
    TooLong,

    /// <summary>Too many header lines in one message.</summary>
    TooManyHeaders,

    /// <summary>The peer closed the connection.</summary>
    Closed,
}
