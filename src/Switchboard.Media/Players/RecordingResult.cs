namespace Switchboard.Media.Players;

/// <summary>A finished recording: why it ended, the file, its length.</summary>
public sealed record RecordingResult(RecordingEnd End, string Path, TimeSpan Duration);
