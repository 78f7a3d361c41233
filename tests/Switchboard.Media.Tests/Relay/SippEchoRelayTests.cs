using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;
using Switchboard.Media.Tests.Support;
using Switchboard.Transport.Rtp;

namespace Switchboard.Media.Tests.Relay;

/// <summary>
/// Real tool: SIPp's RTP echo as the far end of a relayed call (no SIP needed). A plain socket plays the caller;
/// its packets go through leg A and leg B to SIPp, come back through B and A, and must all arrive.
/// </summary>
public sealed class SippEchoRelayTests
{
    private static (List<byte[]> Received, RtpLeg LegA, RtpLeg LegB) RunCall(string codecA, int ptA, string codecB, int ptB, byte[] payload, int packets)
    {
        using var sipp = SippEchoServer.Start();
        var ports = new RtpPortAllocator(41000, 41999, new Random());
        var factory = new UdpRtpSocketFactory();
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(ports.TryAllocate(factory, IPAddress.Loopback, out var socketA, out var error), error);
        Assert.True(ports.TryAllocate(factory, IPAddress.Loopback, out var socketB, out error), error);
        var strict = new RtpLegOptions { Symmetric = true, StrictRtp = StrictRtpMode.Yes };
        using var legA = new RtpLeg(socketA, strict with { Name = "caller" });
        using var legB = new RtpLeg(socketB, strict with { Name = "sipp" });
        legA.SetRemote((IPEndPoint)phone.LocalEndPoint!);
        legB.SetRemote(sipp.MediaEndPoint);
        legA.SetMedia(new RtpLegMedia(codecA, ptA));
        legB.SetMedia(new RtpLegMedia(codecB, ptB));
        using var relay = new RtpRelay(legA, legB, new TranscodingPathBuilder(CodecRegistry.Shared));
        relay.Start();
        legA.Start();
        legB.Start();

        var received = new List<byte[]>();
        phone.ReceiveTimeout = 3000;
        var buffer = new byte[2048];
        for (int i = 0; i < packets; i++)
        {
            var packet = RtpBuilder.Audio(ptA, (ushort)i, (uint)(i * 160), 0x5EED);
            payload.CopyTo(packet, 12);
            phone.SendTo(packet, legA.LocalRtpEndPoint);
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            try
            {
                int n = phone.ReceiveFrom(buffer, ref from);
                Assert.Equal(legA.LocalRtpEndPoint, from);
                received.Add(buffer[..n]);
            }
            catch (SocketException)
            {
                break;
            }
        }

        return (received, legA, legB);
    }

    [ToolFact("sipp")]
    public void SameCodecComesBackUnchanged()
    {
        var payload = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 700, 9000), payload);
        var (received, legA, legB) = RunCall("ulaw", 0, "ulaw", 0, payload, 50);
        Assert.Equal(50, received.Count);
        for (int i = 0; i < received.Count; i++)
        {
            var p = RtpBuilder.Read(received[i]);
            Assert.Equal(i, p.Sequence);
            Assert.Equal(payload, p.Payload);
        }

        Assert.Equal(50, legB.GetStatistics().PacketsReceived);
        Assert.Equal(50, legA.GetStatistics().PacketsSent);
    }

    [ToolFact("sipp")]
    public void TranscodedLegComesBackAsUlaw()
    {
        var payload = new byte[160];
        MuLaw.Encode(Signals.Sine(160, 8000, 700, 9000), payload);
        var (received, _, legB) = RunCall("ulaw", 0, "alaw", 8, payload, 30);
        Assert.Equal(30, received.Count);
        foreach (var data in received)
        {
            var p = RtpBuilder.Read(data);
            Assert.Equal(0, p.PayloadType);
            for (int k = 0; k < 160; k++)
            {
                // µ-law -> A-law -> µ-law through the tables: within one quantisation step.
                Assert.InRange(MuLaw.Decode(p.Payload[k]) - MuLaw.Decode(payload[k]), -300, 300);
            }
        }

        Assert.Equal(30, legB.GetStatistics().PacketsSent);
    }
}
