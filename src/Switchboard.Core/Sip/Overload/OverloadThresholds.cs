using Switchboard.Config.Pjsip;

namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// High/low marks of each overload signal (0 high = the signal is not used). An episode starts when one signal
/// reaches its high mark (the queue delay and the receive backlog on several samples in a row, so one late timer does
/// not start it) and ends when every signal is at or below its low mark and the episode has lasted <see cref="MinDuration"/>.
/// </summary>
internal sealed record OverloadThresholds
{
    public TimeSpan DelayHigh { get; init; }

    public TimeSpan DelayLow { get; init; }

    /// <summary>Samples in a row the queue delay must be at its high mark (a stall of the whole process is not overload).</summary>
    public int DelaySamples { get; init; } = 3;

    /// <summary>Samples in a row the receive backlog must be at its high mark.</summary>
    public int BacklogSamples { get; init; } = 2;

    public TimeSpan BacklogHigh { get; init; }

    public TimeSpan BacklogLow { get; init; }

    public long QueueHigh { get; init; }

    public long QueueLow { get; init; }

    public long InvitesHigh { get; init; }

    public long InvitesLow { get; init; }

    public TimeSpan MinDuration { get; init; }

    /// <summary>The marks of pjsip.conf [global]; a low mark at or above its high mark becomes a fraction of it.</summary>
    public static OverloadThresholds From(PjsipOverload o) => new()
    {
        DelayHigh = TimeSpan.FromMilliseconds(o.DelayHighMs),
        DelayLow = TimeSpan.FromMilliseconds(o.DelayLowMs < o.DelayHighMs ? o.DelayLowMs : o.DelayHighMs / 5),
        BacklogHigh = TimeSpan.FromMilliseconds(o.BacklogHighMs),
        BacklogLow = TimeSpan.FromMilliseconds(o.BacklogLowMs < o.BacklogHighMs ? o.BacklogLowMs : o.BacklogHighMs / 5),
        QueueHigh = o.QueueHigh,
        QueueLow = o.QueueLow > 0 && o.QueueLow < o.QueueHigh ? o.QueueLow : o.QueueHigh / 4,
        InvitesHigh = o.InvitesHigh,
        InvitesLow = o.InvitesLow > 0 && o.InvitesLow < o.InvitesHigh ? o.InvitesLow : o.InvitesHigh * 3 / 4,
        MinDuration = TimeSpan.FromMilliseconds(o.MinDurationMs),
    };
}
