using System.Net;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sdp.Parsing;
using Switchboard.Sdp.Writing;

namespace Switchboard.Sdp.Tests.Negotiation;

public sealed class SdpAnswerBuilderTests
{
    private static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(SdpSamples.Crlf(text), out var sdp, out var error), error.ToString());
        return sdp;
    }

    private static AnswerOptions Options(IReadOnlyList<string> allowed, CodecOrder order = CodecOrder.Offerer, MediaDirection direction = MediaDirection.SendRecv) => new()
    {
        MediaAddress = IPAddress.Parse("198.51.100.7"),
        AudioPort = 10000,
        AllowedCodecs = allowed,
        Order = order,
        Direction = direction,
    };

    private static SdpAnswer Answer(string offer, IReadOnlyList<string> allowed, CodecOrder order = CodecOrder.Offerer, MediaDirection direction = MediaDirection.SendRecv) =>
        SdpAnswerBuilder.CreateAnswer(Parse(offer), Options(allowed, order, direction), new LocalSdpSession(77));

    [Fact]
    public void AnswersSippOfferWithAlawAndItsTelephoneEvent()
    {
        var answer = Answer(SdpSamples.SippPcma, ["ulaw", "alaw"]);
        Assert.True(answer.Succeeded);
        string expected = """
            v=0
            o=- 77 77 IN IP4 198.51.100.7
            s=Switchboard
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 10000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-11,16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;
        Assert.Equal(SdpSamples.Crlf(expected), SdpWriter.ToText(answer.Description));
        var audio = answer.Audio;
        Assert.Equal("alaw", audio.Primary!.Name);
        Assert.Equal(8, audio.Primary.PayloadType);
        Assert.Equal(101, audio.TelephoneEvent!.PayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), audio.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6001), audio.RemoteRtcp);
    }

    [Fact]
    public void KeepsOffererOrderByDefault()
    {
        var answer = Answer(SdpSamples.Phone, ["ulaw", "alaw", "g722"]);
        Assert.Equal(["g722", "ulaw", "alaw"], answer.Audio.Codecs.Select(c => c.Name));
        Assert.Equal(["9", "0", "8", "97"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void OrdersByOurPreferenceWhenAsked()
    {
        var answer = Answer(SdpSamples.Phone, ["alaw", "g722", "ulaw"], CodecOrder.Ours);
        Assert.Equal(["alaw", "g722", "ulaw"], answer.Audio.Codecs.Select(c => c.Name));
    }

    [Fact]
    public void KeepsOfferersDynamicPayloadNumbers()
    {
        var answer = Answer(SdpSamples.Phone, ["opus"]);
        var m = answer.Description.Media[0];
        Assert.Equal(["96", "97"], m.Formats);
        Assert.Equal("opus", m.FindRtpMap(96)!.EncodingName);
        Assert.Equal(2, m.FindRtpMap(96)!.Channels);
        Assert.Equal(96, answer.Audio.Primary!.PayloadType);
        Assert.Equal(97, answer.Audio.TelephoneEvent!.PayloadType);
        Assert.Equal("0-16", m.FindFormatParameters(97)!.Parameters);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 4001), answer.Audio.RemoteRtcp);
    }

    [Fact]
    public void StaticPayloadWithoutRtpMapIsRecognised()
    {
        var answer = Answer(SdpSamples.AudioVideo, ["alaw"]);
        Assert.Equal("alaw", answer.Audio.Primary!.Name);
        Assert.Equal("0-15", answer.Audio.TelephoneEvent!.FormatParameters);
    }

    [Fact]
    public void SingleCodecAnswersOnlyTheTopOne()
    {
        var options = new AnswerOptions { MediaAddress = IPAddress.Loopback, AudioPort = 4000, AllowedCodecs = ["ulaw", "alaw"], SingleCodec = true };
        var answer = SdpAnswerBuilder.CreateAnswer(Parse(SdpSamples.Phone), options, new LocalSdpSession(1));
        Assert.Equal(["0", "97"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void NoCommonCodecRejectsStreamWithPortZero()
    {
        var answer = Answer(SdpSamples.SippPcma, ["ulaw", "g722"]);
        Assert.False(answer.Succeeded);
        Assert.Equal(NegotiationFailure.NoCommonCodec, answer.Audio.Failure);
        var m = Assert.Single(answer.Description.Media);
        Assert.Equal(0, m.Port);
        Assert.Equal(["8", "101"], m.Formats);
    }

    [Fact]
    public void VideoStreamIsDeclinedAndOrderKept()
    {
        var answer = Answer(SdpSamples.AudioVideo, ["ulaw", "h264"]);
        Assert.True(answer.Succeeded);
        Assert.Equal(2, answer.Description.Media.Count);
        Assert.Equal(10000, answer.Description.Media[0].Port);
        Assert.Equal("video", answer.Description.Media[1].Media);
        Assert.Equal(0, answer.Description.Media[1].Port);
        Assert.Equal(["99"], answer.Description.Media[1].Formats);
    }

    [Fact]
    public void OnlyTheFirstAudioStreamIsAccepted()
    {
        var answer = Answer(SdpSamples.Rfc8866Example, ["ulaw"]);
        Assert.Equal(0, answer.Audio.Index);
        Assert.Equal([10000, 0, 0], answer.Description.Media.Select(m => m.Port));
    }

    [Fact]
    public void SrtpProfileIsDeclined()
    {
        var answer = Answer("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc", ["ulaw"]);
        Assert.False(answer.Succeeded);
        Assert.Equal(NegotiationFailure.UnsupportedProtocol, answer.Audio.Failure);
        Assert.Equal(0, answer.Description.Media[0].Port);
    }

    [Fact]
    public void NoAudioAtAll()
    {
        var answer = Answer("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=video 4000 RTP/AVP 99\na=rtpmap:99 H264/90000", ["ulaw"]);
        Assert.False(answer.Succeeded);
        Assert.Equal(NegotiationFailure.NoAudioStream, answer.Audio.Failure);
    }

    [Theory]
    [InlineData("sendonly", MediaDirection.SendRecv, MediaDirection.RecvOnly, true)]
    [InlineData("recvonly", MediaDirection.SendRecv, MediaDirection.SendOnly, false)]
    [InlineData("inactive", MediaDirection.SendRecv, MediaDirection.Inactive, true)]
    [InlineData("sendrecv", MediaDirection.SendRecv, MediaDirection.SendRecv, false)]
    [InlineData("sendrecv", MediaDirection.SendOnly, MediaDirection.SendOnly, false)]
    [InlineData("sendonly", MediaDirection.SendOnly, MediaDirection.Inactive, true)]
    [InlineData("recvonly", MediaDirection.RecvOnly, MediaDirection.Inactive, false)]
    public void HoldDirectionMapping(string offered, MediaDirection desired, MediaDirection answered, bool remoteHold)
    {
        var answer = Answer($"v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\na={offered}", ["ulaw"], direction: desired);
        Assert.Equal(answered, answer.Description.Media[0].Direction);
        Assert.Equal(answered, answer.Audio.LocalDirection);
        Assert.Equal(remoteHold, answer.Audio.RemoteHold);
    }

    [Fact]
    public void ZeroAddressHoldIsAnsweredRecvOnlyWithNoRemoteEndpoint()
    {
        var answer = Answer(SdpSamples.HoldZeroAddress, ["ulaw"]);
        Assert.True(answer.Succeeded);
        Assert.True(answer.Audio.RemoteHold);
        Assert.Null(answer.Audio.RemoteRtp);
        Assert.Equal("0.0.0.0", answer.Audio.RemoteAddress);
        Assert.Equal(MediaDirection.RecvOnly, answer.Description.Media[0].Direction);
    }

    [Fact]
    public void Ipv6OfferGivesIpv6RemoteEndpoint()
    {
        var options = new AnswerOptions { MediaAddress = IPAddress.Parse("2001:db8::9"), AudioPort = 4000, AllowedCodecs = ["ulaw"] };
        var answer = SdpAnswerBuilder.CreateAnswer(Parse(SdpSamples.Ipv6), options, new LocalSdpSession(1));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 49170), answer.Audio.RemoteRtp);
        Assert.Equal("IP6", answer.Description.Connection!.AddressType);
    }

    [Fact]
    public void TelephoneEventAtCodecClockRateIsPreferred()
    {
        var offer = "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 111 0 101 110\na=rtpmap:111 opus/48000/2\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\na=rtpmap:110 telephone-event/48000";
        Assert.Equal(110, Answer(offer, ["opus", "ulaw"]).Audio.TelephoneEvent!.PayloadType);
        Assert.Equal(101, Answer(offer, ["ulaw"]).Audio.TelephoneEvent!.PayloadType);
    }

    [Fact]
    public void TelephoneEventOmittedWhenDisabled()
    {
        var options = new AnswerOptions { MediaAddress = IPAddress.Loopback, AudioPort = 4000, AllowedCodecs = ["alaw"], TelephoneEvent = false };
        var answer = SdpAnswerBuilder.CreateAnswer(Parse(SdpSamples.SippPcma), options, new LocalSdpSession(1));
        Assert.Null(answer.Audio.TelephoneEvent);
        Assert.Equal(["8"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void AnswerParsesBackAndAnswerReaderAgrees()
    {
        var offer = Parse(SdpSamples.Phone);
        var answer = SdpAnswerBuilder.CreateAnswer(offer, Options(["ulaw", "alaw"]), new LocalSdpSession(5));
        Assert.True(SdpParser.TryParse(SdpWriter.ToBytes(answer.Description), out var reparsed, out var error), error.ToString());
        var read = SdpAnswerReader.Read(offer, reparsed);
        Assert.True(read.Accepted);
        Assert.Equal(["ulaw", "alaw"], read.Codecs.Select(c => c.Name));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 10000), read.RemoteRtp);
    }
}
