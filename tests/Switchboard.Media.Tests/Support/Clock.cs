using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;

namespace Switchboard.Media.Tests.Support;

/// <summary>A fake clock and a timing wheel on it, advanced in 1 ms steps.</summary>
internal sealed class Clock : IDisposable
{
    public Clock()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Wheel = new TimingWheel(Time);
    }

    public FakeTimeProvider Time { get; }

    public TimingWheel Wheel { get; }

    public void Advance(TimeSpan span, TimeSpan? step = null)
    {
        var s = step ?? TimeSpan.FromMilliseconds(1);
        for (var t = TimeSpan.Zero; t < span; t += s)
        {
            Time.Advance(s);
            Wheel.RunDue();
        }
    }

    public void Dispose() => Wheel.Dispose();
}
