using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Timing;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Relay;

public sealed class RtpTimeoutWatchTests
{
    private sealed class Listener : IRtpTimeoutListener
    {
        public List<TimeSpan> Timeouts { get; } = [];

        public void OnRtpTimeout(RtpLeg leg, TimeSpan silence) => Timeouts.Add(silence);
    }

    private static void Step(FakeTimeProvider time, TimingWheel wheel, TimeSpan total)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < total; t += step)
        {
            time.Advance(step);
            wheel.RunDue();
        }
    }

    [Fact]
    public void FiresOnceAfterSilenceAndNotWhilePacketsFlow()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time);
        var socket = new FakeRtpSocket();
        var leg = new RtpLeg(socket, new RtpLegOptions { StrictRtp = StrictRtpMode.No }, time);
        leg.SetRemote(new IPEndPoint(IPAddress.Loopback, 4000));
        leg.Start();
        var listener = new Listener();
        using var watch = new RtpTimeoutWatch(leg, wheel, listener);
        watch.Start(TimeSpan.FromSeconds(5));

        // Packets every 100 ms for 10 s: no timeout.
        for (int i = 0; i < 100; i++)
        {
            socket.DeliverRtp(RtpBuilder.Audio(0, (ushort)i, (uint)(i * 800), 1), new IPEndPoint(IPAddress.Loopback, 4000));
            Step(time, wheel, TimeSpan.FromMilliseconds(100));
        }

        Assert.Empty(listener.Timeouts);
        Assert.True(watch.IsRunning);

        // Silence: reported once, at 5 s.
        Step(time, wheel, TimeSpan.FromSeconds(4.8));
        Assert.Empty(listener.Timeouts);
        Step(time, wheel, TimeSpan.FromSeconds(3));
        var silence = Assert.Single(listener.Timeouts);
        Assert.InRange(silence, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.2));
        Assert.False(watch.IsRunning);
    }

    [Fact]
    public void StopCancelsAndRestartCountsFromNow()
    {
        var time = new FakeTimeProvider();
        using var wheel = new TimingWheel(time);
        var leg = new RtpLeg(new FakeRtpSocket(), time: time);
        var listener = new Listener();
        var watch = new RtpTimeoutWatch(leg, wheel, listener);
        watch.Start(TimeSpan.FromSeconds(2));
        Step(time, wheel, TimeSpan.FromSeconds(1));
        watch.Stop();
        Step(time, wheel, TimeSpan.FromSeconds(5));
        Assert.Empty(listener.Timeouts);

        // Restart (e.g. with rtp_timeout_hold): a leg silent for long is given the full period from now.
        watch.Start(TimeSpan.FromSeconds(3));
        Step(time, wheel, TimeSpan.FromSeconds(2.5));
        Assert.Empty(listener.Timeouts);
        Step(time, wheel, TimeSpan.FromSeconds(1));
        Assert.Single(listener.Timeouts);
    }
}
