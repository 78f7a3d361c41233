using System.Net;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Enforcement;

namespace Switchboard.AutoBan.Tests.Enforcement;

public sealed class AutoBanAdmissionFilterTests
{
    private static BanAddress A(string s) => BanAddress.TryParse(s, 128, out var a) ? a : throw new ArgumentException(s);

    [Fact]
    public void Admits_everything_when_empty_and_ignores_odd_lengths()
    {
        var f = new AutoBanAdmissionFilter();
        Assert.True(f.Admit(IPAddress.Parse("192.0.2.1").GetAddressBytes()));
        Assert.True(f.Admit([1, 2, 3]));
        Assert.True(f.Admit([]));
        Assert.Equal(0, f.DroppedPackets);
    }

    [Fact]
    public void Drops_published_addresses_only_and_counts_drops()
    {
        var f = new AutoBanAdmissionFilter();
        f.SetBlocked(A("192.0.2.1"), true);
        f.SetBlocked(A("2001:db8::1"), true);
        Assert.True(f.Admit(IPAddress.Parse("192.0.2.1").GetAddressBytes()));
        f.Publish();
        Assert.False(f.Admit(IPAddress.Parse("192.0.2.1").GetAddressBytes()));
        Assert.False(f.Admit(IPAddress.Parse("::ffff:192.0.2.1").GetAddressBytes()));
        Assert.False(f.Admit(IPAddress.Parse("2001:db8::1").GetAddressBytes()));
        Assert.True(f.Admit(IPAddress.Parse("192.0.2.2").GetAddressBytes()));
        Assert.True(f.Admit(IPAddress.Parse("2001:db8::2").GetAddressBytes()));
        Assert.Equal(3, f.DroppedPackets);
        Assert.Equal(2, f.BlockedCount);
        f.SetBlocked(A("192.0.2.1"), false);
        f.Publish();
        Assert.True(f.Admit(IPAddress.Parse("192.0.2.1").GetAddressBytes()));
        Assert.True(f.IsBlocked(A("2001:db8::1")));
        Assert.False(f.IsBlocked(A("192.0.2.1")));
    }

    [Fact]
    public void Admit_does_not_allocate()
    {
        var f = new AutoBanAdmissionFilter();
        for (uint i = 0; i < 10_000; i++)
        {
            f.SetBlocked(BanAddress.FromV4(0x0A000000 + i), true);
        }

        f.Publish();
        byte[] jailed = [10, 0, 0, 5];
        byte[] free = [192, 0, 2, 1];
        byte[] v6 = IPAddress.Parse("2001:db8::1").GetAddressBytes();
        f.Admit(jailed);
        f.Admit(free);
        f.Admit(v6);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            f.Admit(jailed);
            f.Admit(free);
            f.Admit(v6);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1001, f.DroppedPackets);
    }
}
