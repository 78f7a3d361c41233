using System.Net;

namespace Switchboard.Sdp.Negotiation;

/// <summary>How to answer a remote offer: our RTP address/port and the endpoint's allowed codecs.</summary>
public sealed class AnswerOptions
{
    /// <summary>Address for c= and o= (external_media_address when set, else the bound RTP address).</summary>
    public required IPAddress MediaAddress { get; init; }

    /// <summary>Our RTP port for the accepted audio stream.</summary>
    public required int AudioPort { get; init; }

    /// <summary>Asterisk codec names allowed for the endpoint, in our preference order.</summary>
    public required IReadOnlyList<string> AllowedCodecs { get; init; }

    /// <summary>Accept RFC 4733 telephone-event when offered.</summary>
    public bool TelephoneEvent { get; init; } = true;

    public CodecOrder Order { get; init; } = CodecOrder.Offerer;

    /// <summary>Answer with the top common codec only instead of all common codecs.</summary>
    public bool SingleCodec { get; init; }

    /// <summary>What we want: sendrecv normally, sendonly while we hold the remote.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;

    public int Ptime { get; init; } = 20;

    public int? MaxPtime { get; init; } = 150;

    public bool IncludeRtcpAttribute { get; init; }
}
