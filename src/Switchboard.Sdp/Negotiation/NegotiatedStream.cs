using System.Net;

namespace Switchboard.Sdp.Negotiation;

/// <summary>The outcome of offer/answer for one audio m= section.</summary>
public sealed class NegotiatedStream
{
    /// <summary>Index of the m= section in the offer (and answer).</summary>
    public int Index { get; init; }

    public bool Accepted => Failure == NegotiationFailure.None;

    public NegotiationFailure Failure { get; init; }

    /// <summary>The common audio codecs; the first is the one to send.</summary>
    public IReadOnlyList<NegotiatedCodec> Codecs { get; init; } = [];

    /// <summary>RFC 4733 telephone-event when both sides support it.</summary>
    public NegotiatedCodec? TelephoneEvent { get; init; }

    /// <summary>Where to send RTP (null when the remote's address is 0.0.0.0/hold or a host name).</summary>
    public IPEndPoint? RemoteRtp { get; init; }

    /// <summary>Where to send RTCP: a=rtcp (RFC 3605) when given, else the RTP port + 1.</summary>
    public IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>The remote's connection address as written (may be a host name).</summary>
    public string? RemoteAddress { get; init; }

    public MediaDirection RemoteDirection { get; init; }

    public MediaDirection LocalDirection { get; init; }

    /// <summary>True when the remote put the stream on hold (sendonly, inactive or c=0.0.0.0).</summary>
    public bool RemoteHold { get; init; }

    /// <summary>The remote's a=ptime, if any.</summary>
    public int? RemotePtime { get; init; }

    public NegotiatedCodec? Primary => Codecs.Count > 0 ? Codecs[0] : null;
}
