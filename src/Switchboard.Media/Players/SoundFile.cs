namespace Switchboard.Media.Players;

/// <summary>A sound file found on disk and its format.</summary>
public sealed record SoundFile(string Path, SoundFormat Format);
