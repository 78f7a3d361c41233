namespace Switchboard.Media.Players;

/// <summary>
/// Supplies clips to a <see cref="PromptPlayer"/> one after another; asked on the timer thread when the current
/// clip ends, so it must be quick (no file I/O). Null ends the playback.
/// </summary>
public interface IAudioClipSource
{
    AudioClip? Next();
}
