namespace Switchboard.Media.Players;

/// <summary>How a playback ended (Asterisk's PLAYBACKSTATUS: SUCCESS / FAILED, plus interruption by a digit).</summary>
public enum PlaybackStatus
{
    Completed,
    Interrupted,
    Stopped,
    Failed,
}
