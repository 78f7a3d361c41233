namespace Switchboard.Dialplan.Execution;

/// <summary>
/// A channel that can record what the caller says into a file (Record, MinivmRecord, MinivmAccMess). Implemented
/// by channels with media (PJSIP); the applications report FAILED on channels without it.
/// </summary>
public interface IRecordingChannel
{
    /// <summary>Records the caller's audio until a stop digit, silence, the maximum duration, or hang-up.</summary>
    ValueTask<RecordingOutcome> RecordAsync(RecordingRequest request, CancellationToken cancellationToken);
}
