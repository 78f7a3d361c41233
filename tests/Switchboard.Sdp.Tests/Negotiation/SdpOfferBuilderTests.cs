using System.Net;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sdp.Parsing;
using Switchboard.Sdp.Writing;

namespace Switchboard.Sdp.Tests.Negotiation;

public sealed class SdpOfferBuilderTests
{
    private static OfferOptions Options(params string[] codecs) => new()
    {
        MediaAddress = IPAddress.Parse("203.0.113.5"),
        AudioPort = 10002,
        Codecs = codecs,
    };

    [Fact]
    public void OfferListsCodecsInPreferenceOrderWithTelephoneEvent()
    {
        var session = new LocalSdpSession(4242);
        var offer = SdpOfferBuilder.CreateOffer(Options("alaw", "ulaw", "g722", "opus", "gsm", "g729"), session);
        string expected = """
            v=0
            o=- 4242 4242 IN IP4 203.0.113.5
            s=Switchboard
            c=IN IP4 203.0.113.5
            t=0 0
            m=audio 10002 RTP/AVP 8 0 9 107 3 18 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:9 G722/8000
            a=rtpmap:107 opus/48000/2
            a=fmtp:107 useinbandfec=1
            a=rtpmap:3 GSM/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;
        Assert.Equal(SdpSamples.Crlf(expected), SdpWriter.ToText(offer));
    }

    [Fact]
    public void UnknownAndVideoNamesAreSkipped()
    {
        var offer = SdpOfferBuilder.CreateOffer(Options("ulaw", "nosuch", "h264"), new LocalSdpSession(1));
        Assert.Equal(["0", "101"], offer.Media[0].Formats);
    }

    [Fact]
    public void NoTelephoneEventWhenDisabled()
    {
        var options = new OfferOptions { MediaAddress = IPAddress.Loopback, AudioPort = 4000, Codecs = ["ulaw"], TelephoneEvent = false };
        var offer = SdpOfferBuilder.CreateOffer(options, new LocalSdpSession(1));
        Assert.Equal(["0"], offer.Media[0].Formats);
    }

    [Fact]
    public void Ipv6OfferAndRtcpAttribute()
    {
        var options = new OfferOptions { MediaAddress = IPAddress.IPv6Loopback, AudioPort = 4000, Codecs = ["ulaw"], IncludeRtcpAttribute = true };
        var offer = SdpOfferBuilder.CreateOffer(options, new LocalSdpSession(1));
        string text = SdpWriter.ToText(offer);
        Assert.Contains("o=- 1 1 IN IP6 ::1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP6 ::1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=rtcp:4001\r\n", text, StringComparison.Ordinal);
        Assert.True(SdpParser.TryParse(text, out _, out var error), error.ToString());
    }

    [Fact]
    public void ReOffersIncrementVersionOnlyWhenChanged()
    {
        var session = new LocalSdpSession(100);
        var first = SdpOfferBuilder.CreateOffer(Options("ulaw"), session);
        Assert.Equal(100UL, first.Origin.SessionVersion);

        var same = SdpOfferBuilder.CreateOffer(Options("ulaw"), session);
        Assert.Equal(100UL, same.Origin.SessionVersion);

        var hold = SdpOfferBuilder.CreateOffer(new OfferOptions { MediaAddress = IPAddress.Parse("203.0.113.5"), AudioPort = 10002, Codecs = ["ulaw"], Direction = MediaDirection.SendOnly }, session);
        Assert.Equal(101UL, hold.Origin.SessionVersion);
        Assert.Equal(MediaDirection.SendOnly, hold.Media[0].Direction);

        var resume = SdpOfferBuilder.CreateOffer(Options("ulaw"), session);
        Assert.Equal(102UL, resume.Origin.SessionVersion);
        Assert.Equal(MediaDirection.SendRecv, resume.Media[0].Direction);
        Assert.Equal("100", resume.Origin.SessionId);
        Assert.Equal(4, session.Count);
    }
}
