namespace Switchboard.Manager.Sessions;

/// <summary>Per-connection bounds: longest line, send queue size and how long one write may take.</summary>
public sealed record AmiConnectionLimits
{
    public int MaxLineLength { get; init; } = Protocol.AmiRequestReader.DefaultMaxLineLength;

    public int SendQueueMessages { get; init; } = 4096;

    public int SendQueueBytes { get; init; } = 4 * 1024 * 1024;

    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
