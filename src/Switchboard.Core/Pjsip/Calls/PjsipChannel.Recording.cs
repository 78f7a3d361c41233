using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Recording (Record, MinivmRecord, MinivmAccMess) on a channel whose media the PBX relays.</summary>
internal abstract partial class PjsipChannel : IRecordingChannel
{
    public ValueTask<RecordingOutcome> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
        => MediaControl is { } media
            ? media.RecordAsync(request, cancellationToken)
            : ValueTask.FromResult(RecordingOutcome.Failed("the channel's media is not relayed by the PBX"));
}
