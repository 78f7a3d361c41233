using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    private const long Frequency = 1_000_000;

    /// <summary>Arrival time (µs) of a packet sent every 20 ms plus <paramref name="delayUs"/>.</summary>
    private static long At(int index, long delayUs = 0) => (index * 20_000L) + delayUs;

    [Fact]
    public void PerfectStreamHasNoLossAndNoJitter()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        for (int i = 0; i < 100; i++)
        {
            s.Update(7, (ushort)(1000 + i), (uint)(i * 160), At(i));
        }

        Assert.Equal(100, s.PacketsReceived);
        Assert.Equal(100, s.PacketsExpected);
        Assert.Equal(0, s.CumulativeLost);
        Assert.Equal(0, s.Jitter, 6);
    }

    [Fact]
    public void CountsLossAcrossSequenceWrap()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        for (int i = 0; i < 40; i++)
        {
            if (i % 10 == 3)
            {
                continue;
            }

            s.Update(7, (ushort)(65520 + i), (uint)(i * 160), At(i));
        }

        Assert.Equal(40, s.PacketsExpected);
        Assert.Equal(4, s.CumulativeLost);
        Assert.Equal(65536 + ((65520 + 39) & 0xFFFF), s.ExtendedHighestSequence);
        Assert.Equal((byte)(4 * 256 / 40), s.TakeFractionLost());
        Assert.Equal(0, s.TakeFractionLost());
    }

    [Fact]
    public void ReorderedAndDuplicatePacketsDoNotMoveHighest()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        s.Update(1, 10, 0, At(0));
        s.Update(1, 12, 320, At(2));
        s.Update(1, 11, 160, At(3));
        s.Update(1, 12, 320, At(4));
        Assert.Equal(12, s.ExtendedHighestSequence);
        Assert.Equal(3, s.PacketsExpected);
        Assert.Equal(-1, s.CumulativeLost);
    }

    [Fact]
    public void LargeJumpNeedsTwoSequentialPacketsToResync()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        s.Update(1, 100, 0, At(0));
        s.Update(1, 101, 160, At(1));
        Assert.False(s.Update(1, 30000, 320, At(2)));
        Assert.True(s.Update(1, 30001, 480, At(3)));
        Assert.Equal(30001, s.ExtendedHighestSequence);
        Assert.Equal(1, s.PacketsReceived);
    }

    [Fact]
    public void NewSsrcRestarts()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        s.Update(1, 100, 0, At(0));
        s.Update(1, 105, 800, At(5));
        s.Update(2, 5000, 99, At(6));
        Assert.Equal(2u, s.Ssrc);
        Assert.Equal(1, s.PacketsReceived);
        Assert.Equal(0, s.CumulativeLost);
    }

    [Fact]
    public void JitterFollowsRfc3550Estimator()
    {
        // Every other packet arrives 5 ms late: |D| alternates 40 timestamp units (5 ms at 8 kHz).
        var s = new RtpReceiveStatistics(8000, Frequency);
        double expected = 0;
        for (int i = 0; i < 200; i++)
        {
            long delay = i % 2 == 1 ? 5000 : 0;
            s.Update(3, (ushort)i, (uint)(i * 160), At(i, delay));
            if (i > 0)
            {
                expected += (40 - expected) / 16;
            }
        }

        Assert.Equal(expected, s.Jitter, 3);
        Assert.InRange(s.JitterMilliseconds, 4.9, 5.0);
    }

    [Fact]
    public void TelephoneEventPacketsCanSkipJitter()
    {
        var s = new RtpReceiveStatistics(8000, Frequency);
        for (int i = 0; i < 10; i++)
        {
            // Same timestamp repeated (RFC 4733): would look like large jitter if counted.
            s.Update(3, (ushort)i, 1000, At(i), updateJitter: false);
        }

        Assert.Equal(0, s.Jitter);
        Assert.Equal(10, s.PacketsReceived);
    }
}
