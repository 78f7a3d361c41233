using System.Net;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Relay;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void HandsOutEvenPortsInOrderAndWraps()
    {
        var allocator = new RtpPortAllocator(10000, 10009);
        var factory = new FakeRtpSocketFactory();
        Assert.Equal(5, allocator.Capacity);
        var ports = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            Assert.True(allocator.TryAllocate(factory, IPAddress.Loopback, out var socket, out _));
            ports.Add(socket.LocalRtpEndPoint.Port);
            Assert.Equal(socket.LocalRtpEndPoint.Port + 1, socket.LocalRtcpEndPoint.Port);
        }

        Assert.Equal([10000, 10002, 10004, 10006, 10008], ports);
        Assert.False(allocator.TryAllocate(factory, IPAddress.Loopback, out _, out var error));
        Assert.Contains("no free RTP port", error, StringComparison.Ordinal);

        allocator.Release(10004);
        allocator.Release(10000);
        Assert.True(allocator.TryAllocate(factory, IPAddress.Loopback, out var again, out _));
        Assert.Equal(10000, again.LocalRtpEndPoint.Port);
        Assert.True(allocator.TryAllocate(factory, IPAddress.Loopback, out again, out _));
        Assert.Equal(10004, again.LocalRtpEndPoint.Port);
    }

    [Fact]
    public void OddStartIsRoundedUpAndLastPairMustFit()
    {
        var allocator = new RtpPortAllocator(10001, 10006);
        Assert.Equal(10002, allocator.RtpStart);
        Assert.Equal(10005, allocator.RtpEnd);
        Assert.Equal(2, allocator.Capacity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(10000, 10000));
    }

    [Fact]
    public void SkipsPortsHeldByOthers()
    {
        var allocator = new RtpPortAllocator(20000, 20011);
        var factory = new FakeRtpSocketFactory();
        factory.BusyPorts.Add(20000);
        factory.BusyPorts.Add(20003);
        Assert.True(allocator.TryAllocate(factory, IPAddress.Loopback, out var socket, out _));
        Assert.Equal(20004, socket.LocalRtpEndPoint.Port);
        Assert.Equal([20000, 20002, 20004], factory.Attempts);
        Assert.Equal(1, allocator.InUse);
    }

    [Fact]
    public void AllBusyFailsAfterOnePass()
    {
        var allocator = new RtpPortAllocator(20000, 20005);
        var factory = new FakeRtpSocketFactory();
        factory.BusyPorts.UnionWith([20000, 20002, 20004]);
        Assert.False(allocator.TryAllocate(factory, IPAddress.Loopback, out _, out var error));
        Assert.Equal(3, factory.Attempts.Count);
        Assert.Contains("could not bind", error, StringComparison.Ordinal);
        Assert.Equal(0, allocator.InUse);
    }

    [Fact]
    public void RandomStartStaysInRangeAndEven()
    {
        var allocator = new RtpPortAllocator(10000, 10099, new Random(7));
        var factory = new FakeRtpSocketFactory();
        Assert.True(allocator.TryAllocate(factory, IPAddress.Loopback, out var socket, out _));
        Assert.InRange(socket.LocalRtpEndPoint.Port, 10000, 10098);
        Assert.Equal(0, socket.LocalRtpEndPoint.Port % 2);
    }

    [Fact]
    public void ReleaseIgnoresForeignPorts()
    {
        var allocator = new RtpPortAllocator(10000, 10009);
        allocator.Release(9998);
        allocator.Release(10001);
        allocator.Release(20000);
        Assert.Equal(0, allocator.InUse);
    }
}
