namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// The overload state machine with hysteresis (not thread-safe: <see cref="OverloadControl"/> calls it under its
/// lock). Pure: the caller passes the sample and the time, so tests drive it with a fake clock.
/// </summary>
internal sealed class OverloadDetector(OverloadThresholds thresholds)
{
    private int _delayOverHigh;
    private int _backlogOverHigh;

    public OverloadThresholds Thresholds { get; set; } = thresholds;

    public bool IsOverloaded { get; private set; }

    /// <summary>Whether some signal of the last <see cref="Update"/> was at or over its high mark.</summary>
    public bool AnySignalHigh { get; private set; }

    /// <summary>When the current (or last) episode started.</summary>
    public TimeSpan EpisodeStart { get; private set; }

    /// <summary>The signal that started the current (or last) episode, for the log.</summary>
    public string Cause { get; private set; } = string.Empty;

    public OverloadTransition Update(in OverloadSample sample, TimeSpan now)
    {
        var t = Thresholds;
        bool delayHigh = t.DelayHigh > TimeSpan.Zero && sample.QueueDelay >= t.DelayHigh;
        _delayOverHigh = delayHigh ? _delayOverHigh + 1 : 0;
        bool backlogHigh = t.BacklogHigh > TimeSpan.Zero && sample.ReceiveBacklog >= t.BacklogHigh;
        _backlogOverHigh = backlogHigh ? _backlogOverHigh + 1 : 0;
        bool queueHigh = t.QueueHigh > 0 && sample.QueuedWorkItems >= t.QueueHigh;
        bool invitesHigh = t.InvitesHigh > 0 && sample.PendingInvites >= t.InvitesHigh;
        AnySignalHigh = delayHigh || backlogHigh || queueHigh || invitesHigh;
        if (!IsOverloaded)
        {
            string? cause = null;
            if (delayHigh && _delayOverHigh >= Math.Max(1, t.DelaySamples))
            {
                cause = "queue delay";
            }
            else if (backlogHigh && _backlogOverHigh >= Math.Max(1, t.BacklogSamples))
            {
                cause = "receive backlog";
            }
            else if (queueHigh)
            {
                cause = "queued work items";
            }
            else if (invitesHigh)
            {
                cause = "pending INVITEs";
            }

            if (cause is null)
            {
                return OverloadTransition.None;
            }

            IsOverloaded = true;
            EpisodeStart = now;
            Cause = cause;
            return OverloadTransition.Entered;
        }

        if (now - EpisodeStart < t.MinDuration)
        {
            return OverloadTransition.None;
        }

        bool calm = (t.DelayHigh <= TimeSpan.Zero || sample.QueueDelay <= t.DelayLow)
            && (t.BacklogHigh <= TimeSpan.Zero || sample.ReceiveBacklog <= t.BacklogLow)
            && (t.QueueHigh <= 0 || sample.QueuedWorkItems <= t.QueueLow)
            && (t.InvitesHigh <= 0 || sample.PendingInvites <= t.InvitesLow);
        if (!calm)
        {
            return OverloadTransition.None;
        }

        IsOverloaded = false;
        _delayOverHigh = 0;
        _backlogOverHigh = 0;
        return OverloadTransition.Left;
    }
}
