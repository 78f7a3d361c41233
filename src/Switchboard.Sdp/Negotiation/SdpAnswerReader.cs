namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// Reads the remote answer to an offer we sent (RFC 3264 §7): the answer must have as many m= sections as the
/// offer; the first audio section we offered with a non-zero port in the answer gives the agreed codecs (in the
/// answerer's order, restricted to what we offered) and where to send media.
/// </summary>
public static class SdpAnswerReader
{
    public static NegotiatedStream Read(SessionDescription offer, SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Media.Count != offer.Media.Count)
        {
            return new NegotiatedStream { Index = -1, Failure = NegotiationFailure.MediaCountMismatch };
        }

        var failure = NegotiationFailure.NoAudioStream;
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var ours = offer.Media[i];
            var theirs = answer.Media[i];
            if (ours.Port == 0 || !ours.Media.Equals("audio", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (theirs.Port == 0)
            {
                failure = NegotiationFailure.StreamRejected;
                continue;
            }

            var stream = ReadStream(offer, ours, answer, theirs, i);
            if (stream.Accepted)
            {
                return stream;
            }

            failure = stream.Failure;
        }

        return new NegotiatedStream { Index = -1, Failure = failure };
    }

    private static NegotiatedStream ReadStream(SessionDescription offer, MediaDescription ours, SessionDescription answer, MediaDescription theirs, int index)
    {
        var codecs = new List<NegotiatedCodec>();
        NegotiatedCodec? telephoneEvent = null;
        foreach (int pt in theirs.PayloadTypes)
        {
            if (!SdpCodecCatalog.TryResolve(theirs, pt, out var codec))
            {
                continue;
            }

            int localPt = FindOffered(ours, codec);
            if (localPt < 0)
            {
                // Not something we offered: ignore it rather than fail the call.
                continue;
            }

            var map = theirs.FindRtpMap(pt);
            var negotiated = new NegotiatedCodec(codec.Name, pt, localPt, map?.ClockRate ?? codec.ClockRate, map?.Channels ?? codec.Channels, theirs.FindFormatParameters(pt)?.Parameters);
            if (codec.Kind == SdpCodecKind.TelephoneEvent)
            {
                telephoneEvent ??= negotiated;
            }
            else if (codec.Kind == SdpCodecKind.Audio && !codecs.Exists(c => c.Name == codec.Name))
            {
                codecs.Add(negotiated);
            }
        }

        if (codecs.Count == 0)
        {
            return new NegotiatedStream { Index = index, Failure = NegotiationFailure.NoCommonCodec };
        }

        var (rtp, rtcp, address) = RemoteMedia.Endpoints(answer, theirs);
        var remoteDirection = answer.DirectionFor(theirs);
        return new NegotiatedStream
        {
            Index = index,
            Codecs = codecs,
            TelephoneEvent = telephoneEvent,
            RemoteRtp = rtp,
            RemoteRtcp = rtcp,
            RemoteAddress = address,
            RemoteDirection = remoteDirection,
            LocalDirection = offer.DirectionFor(ours),
            RemoteHold = answer.IsHold(theirs),
            RemotePtime = theirs.Ptime,
        };
    }

    private static int FindOffered(MediaDescription ours, SdpCodec codec)
    {
        foreach (int pt in ours.PayloadTypes)
        {
            if (SdpCodecCatalog.TryResolve(ours, pt, out var offered)
                && string.Equals(offered.Name, codec.Name, StringComparison.OrdinalIgnoreCase)
                && offered.ClockRate == codec.ClockRate)
            {
                return pt;
            }
        }

        return -1;
    }
}
