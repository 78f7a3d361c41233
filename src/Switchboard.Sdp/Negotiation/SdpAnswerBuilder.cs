using System.Globalization;

namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// Answers a remote offer (RFC 3264 §6): one m= section per offered one, in the same order. The first plain
/// RTP/AVP audio stream with a common codec is accepted; every other stream is declined with port 0. The answer
/// keeps the offerer's payload type numbers and lists the common codecs in the offerer's order (Asterisk's
/// "prefer: pending") or ours. telephone-event is answered at the clock rate of the first common codec when offered
/// (falling back to 8000), with the offered events intersected with 0-16.
/// </summary>
public static class SdpAnswerBuilder
{
    public static SdpAnswer CreateAnswer(SessionDescription offer, AnswerOptions options, LocalSdpSession session)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(session);

        var answer = new SessionDescription
        {
            Connection = new SdpConnection(options.MediaAddress),
        };
        answer.Timings.Add(new SdpTiming());

        NegotiatedStream? audio = null;
        var firstFailure = NegotiationFailure.NoAudioStream;
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            if (audio is null && offered.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) && offered.Port != 0)
            {
                var stream = NegotiateAudio(offer, offered, i, options, out var section);
                answer.Media.Add(section);
                if (stream.Accepted)
                {
                    audio = stream;
                    continue;
                }

                if (firstFailure == NegotiationFailure.NoAudioStream)
                {
                    firstFailure = stream.Failure;
                }

                continue;
            }

            answer.Media.Add(Decline(offered));
        }

        session.Stamp(answer, options.MediaAddress);
        return new SdpAnswer(answer, audio ?? new NegotiatedStream { Index = -1, Failure = firstFailure });
    }

    /// <summary>A declined copy of an offered section: same media, protocol and formats, port 0 (RFC 3264 §6).</summary>
    internal static MediaDescription Decline(MediaDescription offered)
    {
        var declined = new MediaDescription
        {
            Media = offered.Media,
            Port = 0,
            Protocol = offered.Protocol,
        };

        if (offered.Formats.Count == 0)
        {
            declined.Formats.Add("0");
        }
        else
        {
            declined.Formats.AddRange(offered.Formats);
        }

        return declined;
    }

    private static NegotiatedStream NegotiateAudio(SessionDescription offer, MediaDescription offered, int index, AnswerOptions options, out MediaDescription section)
    {
        if (!RemoteMedia.IsPlainRtpAvp(offered))
        {
            section = Decline(offered);
            return new NegotiatedStream { Index = index, Failure = NegotiationFailure.UnsupportedProtocol };
        }

        var common = new List<(SdpCodec Codec, int PayloadType, int Rank)>();
        var events = new List<(SdpCodec Codec, int PayloadType, string? Fmtp)>();
        foreach (int pt in offered.PayloadTypes)
        {
            if (!SdpCodecCatalog.TryResolve(offered, pt, out var codec))
            {
                continue;
            }

            if (codec.Kind == SdpCodecKind.TelephoneEvent)
            {
                events.Add((codec, pt, offered.FindFormatParameters(pt)?.Parameters));
                continue;
            }

            int rank = IndexOf(options.AllowedCodecs, codec.Name);
            if (codec.Kind != SdpCodecKind.Audio || rank < 0 || common.Exists(c => c.Codec.Name == codec.Name))
            {
                continue;
            }

            common.Add((codec, pt, rank));
        }

        if (common.Count == 0)
        {
            section = Decline(offered);
            return new NegotiatedStream { Index = index, Failure = NegotiationFailure.NoCommonCodec };
        }

        if (options.Order == CodecOrder.Ours)
        {
            common.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        }

        if (options.SingleCodec)
        {
            common.RemoveRange(1, common.Count - 1);
        }

        var offeredDirection = offer.DirectionFor(offered);
        bool remoteHold = offer.IsHold(offered);
        var effectiveOffered = offeredDirection;
        if (offeredDirection == MediaDirection.SendRecv && offer.ConnectionFor(offered) is { IsHoldAddress: true })
        {
            // RFC 2543 hold (c=0.0.0.0): the offerer cannot receive, so treat it as sendonly.
            effectiveOffered = MediaDirection.SendOnly;
        }

        var localDirection = MediaDirections.Answer(effectiveOffered, options.Direction);
        section = new MediaDescription
        {
            Media = offered.Media,
            Port = options.AudioPort,
            Protocol = offered.Protocol,
            Ptime = options.Ptime,
            MaxPtime = options.MaxPtime,
            Direction = localDirection,
        };

        var codecs = new List<NegotiatedCodec>(common.Count);
        foreach (var (codec, pt, _) in common)
        {
            var map = offered.FindRtpMap(pt);
            int clock = map?.ClockRate ?? codec.ClockRate;
            int? channels = map?.Channels ?? codec.Channels;
            string? fmtp = codec.DefaultFormatParameters;
            section.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
            section.RtpMaps.Add(new RtpMap(pt, map?.EncodingName ?? codec.EncodingName, clock, channels));
            if (fmtp is not null)
            {
                section.FormatParameters.Add(new FormatParameters(pt, fmtp));
            }

            codecs.Add(new NegotiatedCodec(codec.Name, pt, pt, clock, channels, offered.FindFormatParameters(pt)?.Parameters));
        }

        NegotiatedCodec? telephoneEvent = null;
        if (options.TelephoneEvent && events.Count > 0)
        {
            var chosen = PickTelephoneEvent(events, codecs[0].ClockRate);
            var range = TelephoneEventRange.Parse(chosen.Fmtp).Intersect(TelephoneEventRange.Dtmf);
            if (!range.IsEmpty)
            {
                string fmtp = range.ToString();
                var map = offered.FindRtpMap(chosen.PayloadType);
                section.Formats.Add(chosen.PayloadType.ToString(CultureInfo.InvariantCulture));
                section.RtpMaps.Add(new RtpMap(chosen.PayloadType, map?.EncodingName ?? "telephone-event", chosen.Codec.ClockRate));
                section.FormatParameters.Add(new FormatParameters(chosen.PayloadType, fmtp));
                telephoneEvent = new NegotiatedCodec(SdpCodecCatalog.TelephoneEvent.Name, chosen.PayloadType, chosen.PayloadType, chosen.Codec.ClockRate, null, fmtp);
            }
        }

        if (options.IncludeRtcpAttribute && options.AudioPort is > 0 and < 65535)
        {
            section.Rtcp = new RtcpAttribute(options.AudioPort + 1);
        }

        var (rtp, rtcp, address) = RemoteMedia.Endpoints(offer, offered);
        return new NegotiatedStream
        {
            Index = index,
            Codecs = codecs,
            TelephoneEvent = telephoneEvent,
            RemoteRtp = rtp,
            RemoteRtcp = rtcp,
            RemoteAddress = address,
            RemoteDirection = offeredDirection,
            LocalDirection = localDirection,
            RemoteHold = remoteHold,
            RemotePtime = offered.Ptime,
        };
    }

    private static (SdpCodec Codec, int PayloadType, string? Fmtp) PickTelephoneEvent(List<(SdpCodec Codec, int PayloadType, string? Fmtp)> events, int clockRate)
    {
        foreach (var e in events)
        {
            if (e.Codec.ClockRate == clockRate)
            {
                return e;
            }
        }

        foreach (var e in events)
        {
            if (e.Codec.ClockRate == 8000)
            {
                return e;
            }
        }

        return events[0];
    }

    internal static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
