using System.Net;
using Switchboard.AutoBan.Addressing;

namespace Switchboard.AutoBan.Tests.Addressing;

public sealed class BanAddressTests
{
    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("::1", "::1")]
    public void Parses_addresses(string text, string expected)
    {
        Assert.True(BanAddress.TryParse(text, 128, out var a));
        Assert.Equal(expected, a.ToString());
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("fe80::1%eth0")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("1.2.3.4/32")]
    [InlineData("2001:db8::/48")]
    [InlineData("0x01020304")]
    public void Rejects_non_addresses(string text) => Assert.False(BanAddress.TryParse(text, 128, out _));

    [Fact]
    public void Ipv6_is_masked_to_the_prefix()
    {
        Assert.True(BanAddress.TryParse("2001:db8:1:2:3:4:5:6", 64, out var a));
        Assert.Equal("2001:db8:1:2::/64", a.ToString());
        Assert.True(BanAddress.TryParse("2001:db8:1:2::/64", 64, out var b));
        Assert.Equal(a, b);
        Assert.True(BanAddress.TryParse("10.0.0.1", 64, out var v4));
        Assert.Equal("10.0.0.1", v4.ToString());
    }

    [Fact]
    public void Round_trips_through_IPAddress()
    {
        foreach (var text in new[] { "0.0.0.0", "203.0.113.255", "2001:db8::ff00:42:8329" })
        {
            Assert.True(BanAddress.TryParse(text, 128, out var a));
            Assert.Equal(IPAddress.Parse(text), a.ToIPAddress());
        }
    }
}
