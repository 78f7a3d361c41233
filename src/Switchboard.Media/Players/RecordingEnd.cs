namespace Switchboard.Media.Players;

/// <summary>Why a recording ended (Record()'s RECORD_STATUS maps from these).</summary>
public enum RecordingEnd
{
    Stopped,
    MaxDuration,
    Silence,
}
