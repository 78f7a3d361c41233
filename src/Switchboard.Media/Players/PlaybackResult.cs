namespace Switchboard.Media.Players;

/// <summary>The outcome of a playback: status, the interrupting digit, frames sent and why it failed.</summary>
public sealed record PlaybackResult(PlaybackStatus Status, char? Digit, int FramesSent, string? Error)
{
    public static PlaybackResult Failed(string error) => new(PlaybackStatus.Failed, null, 0, error);
}
