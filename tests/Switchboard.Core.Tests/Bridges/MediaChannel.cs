using Switchboard.Core.Channels;
using Switchboard.Dialplan.Execution;
using Switchboard.Media.Relay;

namespace Switchboard.Core.Tests.Bridges;

/// <summary>A channel with an RTP leg (fake socket) for bridge tests.</summary>
internal sealed class MediaChannel(ChannelRegistry registry, string resource, RtpLeg leg)
    : Channel(registry.NextName("PJSIP", resource), registry.NextUniqueId(), "PJSIP", resource, "key-" + resource, TimeProvider.System)
{
    public override RtpLeg? Rtp => leg;

    public override ValueTask AnswerAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask HangupAsync(int cause, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
