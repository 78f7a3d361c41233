using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;

namespace Switchboard.Common.Tests.Timing;

public sealed class TimingWheelTests
{
    [Fact]
    public void Fires_after_delay_and_not_before()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time);
        int fired = 0;
        wheel.Schedule(TimeSpan.FromMilliseconds(500), _ => fired++, null);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, fired);
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(1, fired);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, fired);
        Assert.Equal(0, wheel.Count);
    }

    /// <summary>Counts how often the wheel's timer calls it back.</summary>
    private sealed class CountingTime : FakeTimeProvider
    {
        public int Wakeups;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            => base.CreateTimer(s => { Wakeups++; callback(s); }, state, dueTime, period);
    }

    [Fact]
    public void Wakes_at_the_next_occupied_tick_only_and_earlier_entries_rearm_it()
    {
        // A call's rtp_timeout check seconds away must not wake the process every millisecond until then; an entry
        // scheduled meanwhile for sooner moves the wake up.
        var time = new CountingTime();
        using var wheel = new TimingWheel(time);
        var fired = new List<(string Name, TimeSpan At)>();
        var start = time.GetUtcNow();
        wheel.Schedule(TimeSpan.FromSeconds(3), _ => fired.Add(("far", time.GetUtcNow() - start)), null);
        for (int i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        wheel.Schedule(TimeSpan.FromMilliseconds(20), _ => fired.Add(("near", time.GetUtcNow() - start)), null);
        for (int i = 0; i < 3000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal([("near", TimeSpan.FromMilliseconds(120)), ("far", TimeSpan.FromSeconds(3))], fired);
        Assert.InRange(time.Wakeups, 2, 4);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Entries_for_later_turns_do_not_wake_the_wheel_at_their_slots()
    {
        // 2,000 calls' SIP transactions keep 32 s timers (Timer L, M, D) in a 4 s wheel: every slot holds one for a later
        // turn. The wheel must sleep until the first is due, not wake at every slot that holds one.
        var time = new CountingTime();
        using var wheel = new TimingWheel(time, TimeSpan.FromMilliseconds(1), 64);
        var fired = new List<long>();
        var start = time.GetUtcNow();
        for (int i = 0; i < 64; i++)
        {
            wheel.Schedule(TimeSpan.FromMilliseconds(1000 + (i * 3)), _ => fired.Add((long)(time.GetUtcNow() - start).TotalMilliseconds), null);
        }

        for (int i = 0; i < 999; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Empty(fired);
        Assert.InRange(time.Wakeups, 0, 1);
        for (int i = 0; i < 300; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(Enumerable.Range(0, 64).Select(i => 1000L + (i * 3)), fired);
        Assert.InRange(time.Wakeups, 64, 66);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Cancelled_entry_never_fires()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time);
        int fired = 0;
        var h = wheel.Schedule(TimeSpan.FromMilliseconds(100), _ => fired++, null);
        Assert.True(h.IsActive);
        Assert.True(h.Cancel());
        Assert.False(h.Cancel());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void Delays_longer_than_one_revolution_wait_their_rounds()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time, TimeSpan.FromMilliseconds(1), 64);
        var order = new List<int>();
        wheel.Schedule(TimeSpan.FromMilliseconds(200), _ => order.Add(200), null);
        wheel.Schedule(TimeSpan.FromMilliseconds(10), _ => order.Add(10), null);
        wheel.Schedule(TimeSpan.FromMilliseconds(74), _ => order.Add(74), null);
        for (int i = 0; i < 300; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal([10, 74, 200], order);
    }

    [Fact]
    public void Callback_may_schedule_and_exceptions_are_reported()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time);
        var errors = new List<Exception>();
        wheel.UnhandledCallbackException = errors.Add;
        int count = 0;
        void Again(object? _)
        {
            if (++count < 5)
            {
                wheel.Schedule(TimeSpan.FromMilliseconds(20), Again, null);
            }
        }

        wheel.Schedule(TimeSpan.FromMilliseconds(20), Again, null);
        wheel.Schedule(TimeSpan.FromMilliseconds(30), _ => throw new InvalidOperationException("boom"), null);
        for (int i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(5, count);
        Assert.Single(errors);
    }

    [Fact]
    public void Large_time_jump_fires_everything_due_once()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time, TimeSpan.FromMilliseconds(1), 32);
        int fired = 0;
        for (int i = 1; i <= 100; i++)
        {
            wheel.Schedule(TimeSpan.FromMilliseconds(i * 7), _ => fired++, null);
        }

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(100, fired);
    }
}
