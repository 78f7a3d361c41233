using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Tests.Channels;

/// <summary>A channel without a technology behind it, for registry and CLI tests.</summary>
internal sealed class TestChannel(ChannelRegistry registry, string resource, TimeProvider time)
    : Channel(registry.NextName("PJSIP", resource), registry.NextUniqueId(), "PJSIP", resource, "key-" + resource, time)
{
    public void SetState(ChannelState state) => State = state;

    public override ValueTask AnswerAsync(CancellationToken cancellationToken)
    {
        State = ChannelState.Up;
        return ValueTask.CompletedTask;
    }

    public override ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
    {
        MarkHungUp(cause);
        return ValueTask.CompletedTask;
    }

    public override ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
