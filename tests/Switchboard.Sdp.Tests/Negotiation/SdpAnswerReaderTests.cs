using System.Net;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sdp.Parsing;

namespace Switchboard.Sdp.Tests.Negotiation;

public sealed class SdpAnswerReaderTests
{
    private static readonly SessionDescription Offer = SdpOfferBuilder.CreateOffer(
        new OfferOptions { MediaAddress = IPAddress.Parse("10.1.1.1"), AudioPort = 10000, Codecs = ["ulaw", "alaw", "opus"] },
        new LocalSdpSession(1));

    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(SdpSamples.Crlf(text), out var sdp, out var error), error.ToString());
        return sdp;
    }

    [Fact]
    public void ReadsAnswererOrderAndPayloadNumbers()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nc=IN IP4 10.2.2.2\nt=0 0\nm=audio 20000 RTP/AVP 111 8 100\na=rtpmap:111 opus/48000/2\na=rtpmap:8 PCMA/8000\na=rtpmap:100 telephone-event/8000\na=fmtp:100 0-15\na=rtcp:20005");
        var stream = SdpAnswerReader.Read(Offer, answer);
        Assert.True(stream.Accepted);
        Assert.Equal(["opus", "alaw"], stream.Codecs.Select(c => c.Name));
        Assert.Equal(111, stream.Primary!.PayloadType);
        Assert.Equal(107, stream.Primary.LocalPayloadType);
        Assert.Equal(100, stream.TelephoneEvent!.PayloadType);
        Assert.Equal(101, stream.TelephoneEvent.LocalPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.2.2.2"), 20000), stream.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.2.2.2"), 20005), stream.RemoteRtcp);
    }

    [Fact]
    public void CodecsWeDidNotOfferAreIgnored()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nc=IN IP4 10.2.2.2\nt=0 0\nm=audio 20000 RTP/AVP 18 0\na=rtpmap:18 G729/8000");
        var stream = SdpAnswerReader.Read(Offer, answer);
        Assert.Equal(["ulaw"], stream.Codecs.Select(c => c.Name));
    }

    [Fact]
    public void OnlyUnofferedCodecsMeansNoCommonCodec()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nc=IN IP4 10.2.2.2\nt=0 0\nm=audio 20000 RTP/AVP 18");
        Assert.Equal(NegotiationFailure.NoCommonCodec, SdpAnswerReader.Read(Offer, answer).Failure);
    }

    [Fact]
    public void RejectedStream()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nt=0 0\nm=audio 0 RTP/AVP 0");
        Assert.Equal(NegotiationFailure.StreamRejected, SdpAnswerReader.Read(Offer, answer).Failure);
    }

    [Fact]
    public void MediaCountMismatch()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nc=IN IP4 10.2.2.2\nt=0 0\nm=audio 20000 RTP/AVP 0\nm=video 0 RTP/AVP 99");
        Assert.Equal(NegotiationFailure.MediaCountMismatch, SdpAnswerReader.Read(Offer, answer).Failure);
    }

    [Fact]
    public void HoldAnswerIsReported()
    {
        var answer = Parse("v=0\no=- 9 9 IN IP4 10.2.2.2\ns=-\nc=IN IP4 10.2.2.2\nt=0 0\nm=audio 20000 RTP/AVP 0\na=inactive");
        var stream = SdpAnswerReader.Read(Offer, answer);
        Assert.True(stream.RemoteHold);
        Assert.Equal(MediaDirection.Inactive, stream.RemoteDirection);
    }
}
