using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;
using Switchboard.Transport.Rtp;

namespace Switchboard.Media.Tests.Relay;

/// <summary>The relay over real UDP sockets on 127.0.0.1: two fake endpoints (plain sockets) talk through two legs.</summary>
public sealed class LoopbackRelayTests : IDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);
    private readonly RtpPortAllocator _ports = new(40000, 40999, new Random());
    private readonly UdpRtpSocketFactory _factory = new();
    private readonly List<IDisposable> _cleanup = [];

    private Socket Endpoint()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _cleanup.Add(s);
        return s;
    }

    private RtpLeg Leg(string name, RtpLegOptions options)
    {
        Assert.True(_ports.TryAllocate(_factory, IPAddress.Loopback, out var socket, out var error), error);
        var leg = new RtpLeg(socket, options with { Name = name }, releasePort: _ports.Release);
        _cleanup.Add(leg);
        return leg;
    }

    private static byte[]? Receive(Socket socket, out IPEndPoint from)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        socket.ReceiveTimeout = (int)ReceiveTimeout.TotalMilliseconds;
        try
        {
            int n = socket.ReceiveFrom(buffer, ref any);
            from = (IPEndPoint)any;
            return buffer[..n];
        }
        catch (SocketException)
        {
            from = new IPEndPoint(IPAddress.None, 0);
            return null;
        }
    }

    private static bool NothingArrives(Socket socket, TimeSpan wait)
    {
        socket.ReceiveTimeout = (int)wait.TotalMilliseconds;
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            socket.ReceiveFrom(buffer, ref any);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    [Fact]
    public void RelaysBothWaysWithSymmetricLearningAndStrictRtp()
    {
        var phoneA = Endpoint();
        var phoneB = Endpoint();
        var stranger = Endpoint();
        var options = new RtpLegOptions { Symmetric = true, StrictRtp = StrictRtpMode.Yes, Probation = 3 };
        var legA = Leg("A", options);
        var legB = Leg("B", options);

        // A's SDP announces an address it does not send from (as behind NAT); B's SDP is right.
        legA.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        legB.SetRemote((IPEndPoint)phoneB.LocalEndPoint!);
        legA.SetMedia(new RtpLegMedia("ulaw", 0, 101));
        legB.SetMedia(new RtpLegMedia("alaw", 8, 101));
        using var relay = new RtpRelay(legA, legB, new TranscodingPathBuilder(CodecRegistry.Shared));
        relay.Start();
        legA.Start();
        legB.Start();

        // A sends: the first two are on probation and dropped, the third is accepted and reaches B, transcoded.
        for (int i = 0; i < 3; i++)
        {
            phoneA.SendTo(RtpBuilder.Audio(0, (ushort)(100 + i), (uint)(i * 160), 0xAAAA, fill: 0xFF), legA.LocalRtpEndPoint);
        }

        var atB = Receive(phoneB, out var fromPbx);
        Assert.NotNull(atB);
        Assert.Equal(legB.LocalRtpEndPoint, fromPbx);
        var packet = RtpBuilder.Read(atB);
        Assert.Equal(8, packet.PayloadType);
        Assert.Equal(102, packet.Sequence);
        Assert.All(packet.Payload, b => Assert.Equal(0xD5, b));

        // B answers: it reaches A at the learned (symmetric) address, not the SDP one.
        phoneB.SendTo(RtpBuilder.Audio(8, 7, 0, 0xBBBB, fill: 0xD5), legB.LocalRtpEndPoint);
        var atA = Receive(phoneA, out fromPbx);
        Assert.NotNull(atA);
        Assert.Equal(legA.LocalRtpEndPoint, fromPbx);
        Assert.Equal(0, RtpBuilder.Read(atA).PayloadType);

        // A stranger injecting into A's port is dropped by strict RTP.
        stranger.SendTo(RtpBuilder.Audio(0, 103, 480, 0xAAAA), legA.LocalRtpEndPoint);
        Assert.True(NothingArrives(phoneB, TimeSpan.FromMilliseconds(300)));
        Assert.True(SpinWait.SpinUntil(() => legA.GetStatistics().PacketsDropped == 3, ReceiveTimeout));

        // DTMF from A: passed through to B (B negotiated telephone-event).
        phoneA.SendTo(RtpBuilder.Event(101, 104, 640, 0xAAAA, 1, true, 800), legA.LocalRtpEndPoint);
        var ev = Receive(phoneB, out _);
        Assert.NotNull(ev);
        Assert.Equal(101, RtpBuilder.Read(ev).PayloadType);

        // RTCP from B's RTCP port goes to A's RTCP (SDP port + 1, as A has sent no RTCP yet).
        var rtcpB = Endpoint();
        legB.SetRemote((IPEndPoint)phoneB.LocalEndPoint!, (IPEndPoint)rtcpB.LocalEndPoint!);
        rtcpB.SendTo(Rtp.RtcpPacketTests.ReceiverReportWithSdes(), legB.LocalRtcpEndPoint);
        Assert.True(SpinWait.SpinUntil(() => legB.GetStatistics().RtcpReceived == 1 && legA.GetStatistics().RtcpSent == 1, ReceiveTimeout));
    }

    [Fact]
    public void PortIsFreedWhenTheLegIsDisposed()
    {
        var leg = Leg("X", new RtpLegOptions());
        int port = leg.LocalRtpEndPoint.Port;
        Assert.Equal(1, _ports.InUse);
        leg.Start();
        leg.Dispose();
        Assert.Equal(0, _ports.InUse);
        Assert.True(_factory.TryBind(IPAddress.Loopback, port, out var again, out var error), error);
        again.Dispose();
    }

    public void Dispose()
    {
        foreach (var d in _cleanup)
        {
            d.Dispose();
        }
    }
}
