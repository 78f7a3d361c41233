using Switchboard.Core.Sip.Overload;

namespace Switchboard.Core.Tests.Sip.Overload;

public sealed class AdmissionShareTests
{
    private static int Admitted(AdmissionShare share, int offered)
    {
        int n = 0;
        for (int i = 0; i < offered; i++)
        {
            n += share.Admit() ? 1 : 0;
        }

        return n;
    }

    [Fact]
    public void Outside_an_episode_everything_is_admitted()
        => Assert.Equal(1000, Admitted(new AdmissionShare(), 1000));

    [Fact]
    public void An_episode_starts_by_refusing_everything_while_the_signals_stay_high()
    {
        var share = new AdmissionShare();
        share.Enter();
        share.Adjust(stillHigh: true);
        Assert.Equal(0, Admitted(share, 1000));
    }

    [Fact]
    public void Calm_samples_grow_the_share_additively_and_admission_is_spread_evenly()
    {
        var share = new AdmissionShare();
        share.Enter();
        for (int i = 0; i < 8; i++)
        {
            share.Adjust(stillHigh: false);
        }

        Assert.Equal(AdmissionShare.Full / 2, share.Current);
        Assert.Equal(500, Admitted(share, 1000));
        // Evenly spread: every second request, never a burst of the whole share first.
        Assert.Equal(5, Admitted(share, 10));
    }

    [Fact]
    public void A_high_sample_halves_the_share_and_leaving_admits_everything()
    {
        var share = new AdmissionShare();
        share.Enter();
        for (int i = 0; i < 16; i++)
        {
            share.Adjust(stillHigh: false);
        }

        Assert.Equal(AdmissionShare.Full, share.Current);
        share.Adjust(stillHigh: true);
        share.Adjust(stillHigh: true);
        Assert.Equal(AdmissionShare.Full / 4, share.Current);
        Assert.Equal(250, Admitted(share, 1000));
        share.Leave();
        Assert.Equal(100, Admitted(share, 100));
    }
}
