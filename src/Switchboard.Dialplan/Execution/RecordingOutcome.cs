namespace Switchboard.Dialplan.Execution;

/// <summary>The result of <see cref="IRecordingChannel.RecordAsync"/>.</summary>
public readonly record struct RecordingOutcome(RecordingStop Stop, TimeSpan Duration, char Digit, string? Error)
{
    /// <summary>A failed recording with a reason.</summary>
    public static RecordingOutcome Failed(string error) => new(RecordingStop.Failed, TimeSpan.Zero, '\0', error);
}
