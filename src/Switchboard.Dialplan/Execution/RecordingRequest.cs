namespace Switchboard.Dialplan.Execution;

/// <summary>What to record: the WAV file to write (8 kHz 16-bit PCM), when to stop, and the gain to apply.</summary>
/// <param name="Path">Target file (created or replaced).</param>
/// <param name="StopDigits">DTMF digits that end the recording (reported in the outcome).</param>
/// <param name="MaxDuration">Stop after this much audio; null for no limit.</param>
/// <param name="Silence">Stop after this much silence once sound was heard; null to ignore silence.</param>
/// <param name="SilenceThreshold">Peak amplitude below which a frame counts as silence.</param>
/// <param name="GainDb">Gain applied to the recorded audio in dB (0 = none).</param>
public sealed record RecordingRequest(
    string Path,
    string StopDigits = "#",
    TimeSpan? MaxDuration = null,
    TimeSpan? Silence = null,
    int SilenceThreshold = 256,
    int GainDb = 0);
