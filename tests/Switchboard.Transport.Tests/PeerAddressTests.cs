using System.Net;
using System.Net.Sockets;

namespace Switchboard.Transport.Tests;

public sealed class PeerAddressTests
{
    [Theory]
    [InlineData("192.0.2.10", 5060, "192.0.2.10:5060", 4)]
    [InlineData("::1", 5061, "[::1]:5061", 16)]
    [InlineData("2001:db8::42", 1, "[2001:db8::42]:1", 16)]
    [InlineData("::ffff:10.1.2.3", 40000, "10.1.2.3:40000", 4)]
    public void Round_trips_through_endpoints(string ip, int port, string text, int addressLength)
    {
        var peer = PeerAddress.FromEndPoint(new IPEndPoint(IPAddress.Parse(ip), port));
        Assert.Equal(text, peer.ToString());
        Assert.Equal(addressLength, peer.AddressLength);
        Assert.Equal(port, peer.Port);
        var back = peer.ToEndPoint();
        Assert.Equal(peer, PeerAddress.FromEndPoint(back));
        Assert.Equal(addressLength == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6, back.AddressFamily);
    }

    [Fact]
    public void Mapped_and_plain_ipv4_are_equal_and_hash_alike()
    {
        var plain = PeerAddress.FromEndPoint(IPEndPoint.Parse("10.0.0.1:5060"));
        var mapped = PeerAddress.FromEndPoint(IPEndPoint.Parse("[::ffff:10.0.0.1]:5060"));
        Assert.Equal(plain, mapped);
        Assert.Equal(plain.GetHashCode(), mapped.GetHashCode());
        Assert.True(mapped.IsIPv4);
        Assert.NotEqual(plain, plain.WithPort(5061));
        Assert.NotEqual(plain, PeerAddress.FromEndPoint(IPEndPoint.Parse("[::a00:1]:5060")));
    }

    [Fact]
    public void Writes_admission_filter_bytes()
    {
        Span<byte> raw = stackalloc byte[16];
        var v4 = PeerAddress.FromEndPoint(IPEndPoint.Parse("[::ffff:1.2.3.4]:9"));
        Assert.Equal(4, v4.WriteAddressBytes(raw));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, raw[..4].ToArray());

        var v6 = PeerAddress.FromEndPoint(IPEndPoint.Parse("[2001:db8::1]:9"));
        Assert.Equal(16, v6.WriteAddressBytes(raw));
        Assert.Equal(IPAddress.Parse("2001:db8::1").GetAddressBytes(), raw.ToArray());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.200.3.45")]
    [InlineData("fe80::1")]
    public void Formats_address_as_utf8(string ip)
    {
        var peer = PeerAddress.FromIPAddress(IPAddress.Parse(ip), 5060);
        Span<byte> text = stackalloc byte[64];
        Assert.True(peer.TryFormatAddress(text, out int written));
        Assert.Equal(IPAddress.Parse(ip).ToString(), System.Text.Encoding.ASCII.GetString(text[..written]));
        Assert.False(peer.TryFormatAddress(text[..3], out _));
    }

    [Fact]
    public void Default_is_empty_and_bad_ports_are_refused()
    {
        Assert.True(default(PeerAddress).IsEmpty);
        Assert.False(PeerAddress.FromIPv4([127, 0, 0, 1], 0).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeerAddress.FromIPv4([127, 0, 0, 1], 65536));
        Assert.Throws<ArgumentException>(() => PeerAddress.FromIPv4([127, 0, 1], 1));
    }

    [Theory]
    [InlineData("127.0.0.1:5060")]
    [InlineData("[::1]:5060")]
    [InlineData("[2001:db8::7]:65535")]
    [InlineData("[fe80::1%3]:5060")]
    public void Socket_address_codec_matches_the_runtime(string endPoint)
    {
        var ep = IPEndPoint.Parse(endPoint);
        var serialized = ep.Serialize();
        Assert.True(SocketAddressCodec.TryRead(serialized, out var read));
        Assert.Equal(PeerAddress.FromEndPoint(ep), read);

        var written = new SocketAddress(ep.AddressFamily);
        Assert.True(SocketAddressCodec.TryWrite(read, written));
        Assert.Equal(ep, ep.Create(written));
    }

    [Fact]
    public void Socket_address_codec_maps_ipv4_on_ipv6_sockets_and_refuses_ipv6_on_ipv4()
    {
        var v4 = PeerAddress.FromEndPoint(IPEndPoint.Parse("192.0.2.1:5060"));
        var six = new SocketAddress(AddressFamily.InterNetworkV6);
        Assert.True(SocketAddressCodec.TryWrite(v4, six));
        Assert.Equal(IPEndPoint.Parse("[::ffff:192.0.2.1]:5060"), new IPEndPoint(IPAddress.IPv6Any, 0).Create(six));

        var v6 = PeerAddress.FromEndPoint(IPEndPoint.Parse("[::1]:5060"));
        Assert.False(SocketAddressCodec.TryWrite(v6, new SocketAddress(AddressFamily.InterNetwork)));
    }
}
