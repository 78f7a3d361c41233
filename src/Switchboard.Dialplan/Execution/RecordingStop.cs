namespace Switchboard.Dialplan.Execution;

/// <summary>Why a recording ended.</summary>
public enum RecordingStop
{
    /// <summary>One of the stop digits was pressed.</summary>
    Digit,

    /// <summary>Silence after sound (Record's silence option).</summary>
    Silence,

    /// <summary>The maximum duration was reached.</summary>
    MaxDuration,

    /// <summary>The caller hung up (the file holds what was said until then).</summary>
    HungUp,

    /// <summary>Nothing could be recorded (no media, codec or file error).</summary>
    Failed,
}
