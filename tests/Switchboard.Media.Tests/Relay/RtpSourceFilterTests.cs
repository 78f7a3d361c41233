using System.Net;
using Switchboard.Media.Relay;

namespace Switchboard.Media.Tests.Relay;

public sealed class RtpSourceFilterTests
{
    private static readonly SocketAddress Sdp = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 4000).Serialize();
    private static readonly SocketAddress Nat = new IPEndPoint(IPAddress.Parse("203.0.113.9"), 61000).Serialize();
    private static readonly SocketAddress Attacker = new IPEndPoint(IPAddress.Parse("198.51.100.66"), 5000).Serialize();

    [Fact]
    public void NoStrictAcceptsAllAndFollowsLatestSource()
    {
        var f = new RtpSourceFilter(StrictRtpMode.No);
        f.SetExpected(Sdp);
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Nat, 1));
        Assert.Equal(RtpSourceDecision.Accept, f.Check(Nat, 2));
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Attacker, 3));
        Assert.True(SocketAddresses.Same(Attacker, f.Source));
        Assert.False(f.IsLearning);
    }

    [Fact]
    public void StrictLocksAtOnceOnTheSignalledAddress()
    {
        var f = new RtpSourceFilter(StrictRtpMode.Yes);
        f.SetExpected(Sdp);
        Assert.True(f.IsLearning);
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Sdp, 10));
        Assert.False(f.IsLearning);
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Attacker, 11));
        Assert.Equal(RtpSourceDecision.Accept, f.Check(Sdp, 12));
        Assert.Equal(1, f.Dropped);
    }

    [Fact]
    public void StrictLearnsANatAddressAfterProbation()
    {
        var f = new RtpSourceFilter(StrictRtpMode.Yes, probation: 4);
        f.SetExpected(Sdp);
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 100));
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 101));
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 102));
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Nat, 103));
        Assert.True(SocketAddresses.Same(Nat, f.Source));
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Sdp, 1));
    }

    [Fact]
    public void ProbationRestartsOnGapOrOtherSource()
    {
        var f = new RtpSourceFilter(StrictRtpMode.Yes, probation: 3);
        f.SetExpected(null);
        f.Check(Nat, 1);
        f.Check(Nat, 2);
        f.Check(Nat, 4);
        f.Check(Attacker, 5);
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 6));
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 7));
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Nat, 8));
    }

    [Fact]
    public void NewRemoteAddressRestartsLearning()
    {
        var f = new RtpSourceFilter(StrictRtpMode.Yes);
        f.SetExpected(Sdp);
        f.Check(Sdp, 1);
        var moved = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 4000).Serialize();
        f.SetExpected(moved);
        Assert.True(f.IsLearning);
        Assert.Equal(RtpSourceDecision.Accept, f.Check(Sdp, 2));
        Assert.Equal(RtpSourceDecision.Drop, f.Check(moved, 3));
    }

    [Fact]
    public void SeqNoFollowsAContinuingStreamFromANewAddress()
    {
        var f = new RtpSourceFilter(StrictRtpMode.SeqNo);
        f.SetExpected(Sdp);
        f.Check(Sdp, 50);
        Assert.Equal(RtpSourceDecision.Drop, f.Check(Nat, 70));
        Assert.Equal(RtpSourceDecision.Learned, f.Check(Nat, 51));
        Assert.True(SocketAddresses.Same(Nat, f.Source));
    }

    [Fact]
    public void SocketAddressHelpers()
    {
        var v4 = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5000);
        var sameHost = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5001).Serialize();
        Assert.True(SocketAddresses.SameHost(v4.Serialize(), sameHost));
        Assert.False(SocketAddresses.Same(v4.Serialize(), sameHost));
        var v6 = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5000);
        Assert.True(SocketAddresses.SameHost(v6.Serialize(), new IPEndPoint(IPAddress.Parse("2001:db8::1"), 9).Serialize()));
        Assert.Equal(v6, SocketAddresses.ToEndPoint(SocketAddresses.Copy(v6.Serialize())));
        var mapped = SocketAddresses.ForSocket(v4, System.Net.Sockets.AddressFamily.InterNetworkV6);
        Assert.Equal(IPAddress.Parse("192.0.2.1").MapToIPv6(), SocketAddresses.ToEndPoint(mapped)!.Address);
    }
}
