using Switchboard.Core.Sip.Overload;

namespace Switchboard.Core.Tests.Sip.Overload;

public sealed class OverloadDetectorTests
{
    private static readonly OverloadThresholds Marks = new()
    {
        DelayHigh = TimeSpan.FromMilliseconds(500),
        DelayLow = TimeSpan.FromMilliseconds(100),
        DelaySamples = 2,
        BacklogHigh = TimeSpan.FromMilliseconds(200),
        BacklogLow = TimeSpan.FromMilliseconds(20),
        InvitesHigh = 10,
        InvitesLow = 5,
        QueueHigh = 1000,
        QueueLow = 200,
        MinDuration = TimeSpan.FromSeconds(1),
    };

    private static OverloadSample Delay(int ms) => new(TimeSpan.FromMilliseconds(ms), 0, 0);

    private static TimeSpan At(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void One_late_sample_does_not_start_an_episode_two_in_a_row_do()
    {
        var d = new OverloadDetector(Marks);
        Assert.Equal(OverloadTransition.None, d.Update(Delay(900), At(0)));
        Assert.Equal(OverloadTransition.None, d.Update(Delay(20), At(50)));
        Assert.Equal(OverloadTransition.None, d.Update(Delay(600), At(100)));
        Assert.False(d.IsOverloaded);
        Assert.Equal(OverloadTransition.Entered, d.Update(Delay(500), At(150)));
        Assert.True(d.IsOverloaded);
        Assert.Equal("queue delay", d.Cause);
        Assert.Equal(At(150), d.EpisodeStart);
    }

    [Fact]
    public void Between_the_marks_the_state_stays_as_it_is()
    {
        var d = new OverloadDetector(Marks);
        for (int t = 0; t < 5000; t += 50)
        {
            Assert.Equal(OverloadTransition.None, d.Update(Delay(499), At(t))); // below high: never enters
        }

        d.Update(Delay(800), At(5000));
        d.Update(Delay(800), At(5050));
        Assert.True(d.IsOverloaded);
        for (int t = 5100; t < 10_000; t += 50)
        {
            Assert.Equal(OverloadTransition.None, d.Update(Delay(101), At(t))); // above low: never leaves
        }

        Assert.True(d.IsOverloaded);
        Assert.Equal(OverloadTransition.Left, d.Update(Delay(100), At(10_000)));
        Assert.False(d.IsOverloaded);
    }

    [Fact]
    public void An_episode_lasts_at_least_the_minimum_duration()
    {
        var d = new OverloadDetector(Marks);
        d.Update(Delay(700), At(0));
        Assert.Equal(OverloadTransition.Entered, d.Update(Delay(700), At(50)));
        Assert.Equal(OverloadTransition.None, d.Update(Delay(0), At(100)));
        Assert.Equal(OverloadTransition.None, d.Update(Delay(0), At(1049)));
        Assert.True(d.IsOverloaded);
        Assert.Equal(OverloadTransition.Left, d.Update(Delay(0), At(1050)));
    }

    [Fact]
    public void Pending_invites_start_an_episode_at_once_and_end_it_at_the_low_mark()
    {
        var d = new OverloadDetector(Marks);
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.Zero, 0, 9), At(0)));
        Assert.Equal(OverloadTransition.Entered, d.Update(new OverloadSample(TimeSpan.Zero, 0, 10), At(10)));
        Assert.Equal("pending INVITEs", d.Cause);
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.Zero, 0, 6), At(5000)));
        Assert.Equal(OverloadTransition.Left, d.Update(new OverloadSample(TimeSpan.Zero, 0, 5), At(5050)));
    }

    [Fact]
    public void Every_signal_must_be_calm_to_leave()
    {
        var d = new OverloadDetector(Marks);
        Assert.Equal(OverloadTransition.Entered, d.Update(new OverloadSample(TimeSpan.Zero, 1000, 0), At(0)));
        Assert.Equal("queued work items", d.Cause);
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.Zero, 100, 6), At(2000))); // invites above low
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.FromMilliseconds(150), 100, 0), At(2050))); // delay above low
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.Zero, 201, 0), At(2100))); // queue above low
        Assert.Equal(OverloadTransition.Left, d.Update(new OverloadSample(TimeSpan.Zero, 200, 5), At(2150)));
    }

    [Fact]
    public void Receive_backlog_on_two_samples_in_a_row_starts_an_episode_that_ends_when_the_loops_drain()
    {
        var d = new OverloadDetector(Marks);
        static OverloadSample Backlog(int ms) => new(TimeSpan.Zero, 0, 0, TimeSpan.FromMilliseconds(ms));
        Assert.Equal(OverloadTransition.None, d.Update(Backlog(250), At(0)));
        Assert.Equal(OverloadTransition.None, d.Update(Backlog(0), At(50)));
        Assert.Equal(OverloadTransition.None, d.Update(Backlog(200), At(100)));
        Assert.Equal(OverloadTransition.Entered, d.Update(Backlog(250), At(150)));
        Assert.Equal("receive backlog", d.Cause);
        Assert.Equal(OverloadTransition.None, d.Update(Backlog(21), At(2000)));
        Assert.Equal(OverloadTransition.Left, d.Update(Backlog(20), At(2050)));
    }

    [Fact]
    public void A_signal_with_high_mark_zero_is_ignored()
    {
        var d = new OverloadDetector(new OverloadThresholds { DelaySamples = 1 });
        Assert.Equal(OverloadTransition.None, d.Update(new OverloadSample(TimeSpan.FromHours(1), long.MaxValue, long.MaxValue, TimeSpan.FromHours(1)), At(0)));
        Assert.False(d.IsOverloaded);
    }

    [Fact]
    public void Marks_from_pjsip_conf_replace_a_low_mark_not_below_its_high_mark()
    {
        var t = OverloadThresholds.From(new Config.Pjsip.PjsipOverload { DelayHighMs = 400, DelayLowMs = 400, InvitesHigh = 8, InvitesLow = 0, QueueHigh = 100, QueueLow = 10 });
        Assert.Equal(TimeSpan.FromMilliseconds(80), t.DelayLow);
        Assert.Equal(6, t.InvitesLow);
        Assert.Equal(10, t.QueueLow);
        var defaults = OverloadThresholds.From(Config.Pjsip.PjsipOverload.Default);
        Assert.Equal(TimeSpan.FromMilliseconds(500), defaults.DelayHigh);
        Assert.Equal(TimeSpan.FromMilliseconds(100), defaults.DelayLow);
        Assert.Equal(TimeSpan.FromMilliseconds(200), defaults.BacklogHigh);
        Assert.Equal(TimeSpan.FromMilliseconds(20), defaults.BacklogLow);
        Assert.Equal(0, defaults.InvitesHigh);
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.MinDuration);
        Assert.Equal(3, defaults.DelaySamples);
        Assert.Equal(2, defaults.BacklogSamples);
    }
}
