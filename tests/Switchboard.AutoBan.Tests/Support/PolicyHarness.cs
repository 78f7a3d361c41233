using Microsoft.Extensions.Time.Testing;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Policy;
using Switchboard.Common.Timing;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>A policy on a fake clock with its filter, a recording observer and a capturing logger.</summary>
internal sealed class PolicyHarness : IDisposable
{
    public PolicyHarness(AutoBanOptions? options = null)
    {
        Options = options ?? AutoBanOptions.Default;
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Wheel = new TimingWheel(Time, TimeSpan.FromSeconds(1), 1024);
        Filter = new AutoBanAdmissionFilter(Options.Ipv6PrefixLength);
        Policy = new BanPolicy(Options, Wheel, Filter, Observer, Logger);
    }

    public AutoBanOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public TimingWheel Wheel { get; }

    public AutoBanAdmissionFilter Filter { get; }

    public RecordingObserver Observer { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public BanPolicy Policy { get; }

    public static BanAddress Ip(string text, int v6Prefix = 128)
        => BanAddress.TryParse(text, v6Prefix, out var a) ? a : throw new ArgumentException("bad address " + text);

    public BanAddress Addr(string text) => Ip(text, Options.Ipv6PrefixLength);

    /// <summary>Sends <paramref name="count"/> offences from <paramref name="address"/>; returns the last outcome.</summary>
    public OffenceOutcome Offend(string address, int count = 1)
    {
        var outcome = OffenceOutcome.Ignored;
        for (int i = 0; i < count; i++)
        {
            outcome = Policy.OnOffence(Addr(address), "InvalidPassword");
        }

        return outcome;
    }

    /// <summary>Advances the clock in steps so the wheel (1 s tick) runs its entries.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public bool Jailed(string address) => Policy.IsMember(AutoBanSet.Jail, Addr(address));

    public bool OnParole(string address) => Policy.IsMember(AutoBanSet.Parole, Addr(address));

    public bool Admitted(string address)
    {
        var bytes = Addr(address).ToIPAddress().GetAddressBytes();
        return Filter.Admit(bytes);
    }

    public void Dispose() => Wheel.Dispose();
}
