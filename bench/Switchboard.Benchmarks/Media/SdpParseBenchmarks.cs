using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Sdp.Negotiation;
using Switchboard.Sdp.Parsing;

namespace Switchboard.Benchmarks.Media;

/// <summary>SDP work per call setup: parse a phone's offer and build the answer (strings allowed here; not per packet).</summary>
[MemoryDiagnoser]
public class SdpParseBenchmarks
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes(
        "v=0\r\no=- 3913437894 3913437894 IN IP4 192.0.2.10\r\ns=pjmedia\r\nt=0 0\r\nm=audio 4000 RTP/AVP 9 0 8 101\r\n" +
        "c=IN IP4 192.0.2.10\r\na=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n");

    private readonly AnswerOptions _options = new()
    {
        MediaAddress = System.Net.IPAddress.Parse("198.51.100.7"),
        AudioPort = 10000,
        AllowedCodecs = ["ulaw", "alaw"],
    };

    [Benchmark]
    public object? ParseOffer() => SdpParser.TryParse(Offer, out var sdp, out _) ? sdp : null;

    [Benchmark]
    public object ParseAndAnswer()
    {
        SdpParser.TryParse(Offer, out var sdp, out _);
        return SdpAnswerBuilder.CreateAnswer(sdp!, _options, new LocalSdpSession(1));
    }
}
