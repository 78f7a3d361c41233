using System.Net;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Core.Tests.Pjsip.Calls.Media;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;

namespace Switchboard.Core.Tests.Bridges;

/// <summary>
/// A bridge between legs with different G.711 laws transcodes (architecture.md: same codec = packet relay, no decode);
/// telephone-event goes through with the other leg's payload type.
/// </summary>
public sealed class BridgeMediaTests
{
    private static readonly IPEndPoint PeerA = new(IPAddress.Loopback, 41000);
    private static readonly IPEndPoint PeerB = new(IPAddress.Loopback, 42000);

    [Fact]
    public void Ulaw_leg_to_alaw_leg_is_transcoded_and_telephone_event_renumbered()
    {
        var (bridge, socketA, socketB) = Create(("ulaw", 0, 101), ("alaw", 8, 96));
        var pcm = new short[160];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(9000 * Math.Sin(2 * Math.PI * 300 * i / 8000));
        }

        var mu = new byte[160];
        MuLaw.Encode(pcm, mu);
        socketA.Deliver(Packet(0, 1, mu), PeerA);
        socketA.Deliver(Packet(101, 2, [5, 0x8a, 0, 160]), PeerA);

        var sent = socketB.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal(8, sent[0][1] & 0x7F);
        var expected = new byte[160];
        G711Transcoding.MuLawToALaw(mu, expected);
        Assert.Equal(expected, sent[0][12..]);
        Assert.Equal(96, sent[1][1] & 0x7F);
        Assert.True(bridge.Relay!.IsTranscoding);
        bridge.Dispose();
    }

    [Fact]
    public void Same_codec_is_relayed_byte_for_byte()
    {
        var (bridge, socketA, socketB) = Create(("ulaw", 0, 101), ("ulaw", 0, 101));
        var payload = new byte[160];
        Array.Fill(payload, (byte)0x55);
        socketA.Deliver(Packet(0, 1, payload), PeerA);
        var sent = Assert.Single(socketB.Sent);
        Assert.Equal(payload, sent[12..]);
        Assert.False(bridge.Relay!.IsTranscoding);
        bridge.Dispose();
    }

    private static (Bridge Bridge, FakeRtpSocket A, FakeRtpSocket B) Create((string Codec, int Pt, int Te) a, (string Codec, int Pt, int Te) b)
    {
        var registry = new ChannelRegistry(TimeProvider.System);
        var socketA = new FakeRtpSocket();
        var socketB = new FakeRtpSocket();
        var legA = Leg(socketA, a, PeerA);
        var legB = Leg(socketB, b, PeerB);
        var bridge = new Bridge("b1", new MediaChannel(registry, "a", legA), new MediaChannel(registry, "b", legB));
        bridge.Start();
        return (bridge, socketA, socketB);
    }

    private static RtpLeg Leg(FakeRtpSocket socket, (string Codec, int Pt, int Te) media, IPEndPoint peer)
    {
        var leg = new RtpLeg(socket, new RtpLegOptions { StrictRtp = StrictRtpMode.No });
        leg.Start();
        leg.SetMedia(new RtpLegMedia(media.Codec, media.Pt, media.Te));
        leg.SetRemote(peer);
        return leg;
    }

    private static byte[] Packet(int payloadType, ushort seq, byte[] payload)
    {
        var p = new byte[12 + payload.Length];
        p[0] = 0x80;
        p[1] = (byte)payloadType;
        p[2] = (byte)(seq >> 8);
        p[3] = (byte)seq;
        p[7] = (byte)(seq * 160);
        p[11] = 7;
        payload.CopyTo(p, 12);
        return p;
    }
}
