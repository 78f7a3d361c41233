using System.Globalization;

namespace Switchboard.Sdp.Negotiation;

/// <summary>Builds our offer (initial INVITE or re-INVITE) from an endpoint's codec preference list.</summary>
public static class SdpOfferBuilder
{
    public static SessionDescription CreateOffer(OfferOptions options, LocalSdpSession session)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(session);
        var sdp = new SessionDescription
        {
            Connection = new SdpConnection(options.MediaAddress),
        };
        sdp.Timings.Add(new SdpTiming());

        var media = new MediaDescription
        {
            Media = "audio",
            Port = options.AudioPort,
            Protocol = "RTP/AVP",
            Ptime = options.Ptime,
            MaxPtime = options.MaxPtime,
            Direction = options.Direction,
        };

        var used = new HashSet<int>();
        var dynamicNext = 96;
        foreach (var name in options.Codecs)
        {
            if (!SdpCodecCatalog.TryGetByName(name, out var codec) || codec.Kind != SdpCodecKind.Audio)
            {
                continue;
            }

            int pt = PickPayloadType(codec, used, ref dynamicNext);
            if (pt < 0)
            {
                continue;
            }

            Add(media, codec, pt, codec.DefaultFormatParameters);
        }

        if (options.TelephoneEvent)
        {
            int pt = PickPayloadType(SdpCodecCatalog.TelephoneEvent, used, ref dynamicNext);
            if (pt >= 0)
            {
                Add(media, SdpCodecCatalog.TelephoneEvent, pt, SdpCodecCatalog.TelephoneEvent.DefaultFormatParameters);
            }
        }

        if (options.IncludeRtcpAttribute && options.AudioPort is > 0 and < 65535)
        {
            media.Rtcp = new RtcpAttribute(options.AudioPort + 1);
        }

        sdp.Media.Add(media);
        session.Stamp(sdp, options.MediaAddress);
        return sdp;
    }

    internal static void Add(MediaDescription media, SdpCodec codec, int pt, string? fmtp)
    {
        media.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
        media.RtpMaps.Add(new RtpMap(pt, codec.EncodingName, codec.ClockRate, codec.Channels));
        if (!string.IsNullOrEmpty(fmtp))
        {
            media.FormatParameters.Add(new FormatParameters(pt, fmtp));
        }
    }

    private static int PickPayloadType(SdpCodec codec, HashSet<int> used, ref int dynamicNext)
    {
        if (codec.IsStatic)
        {
            return used.Add(codec.StaticPayloadType) ? codec.StaticPayloadType : -1;
        }

        if (used.Add(codec.DefaultPayloadType))
        {
            return codec.DefaultPayloadType;
        }

        while (dynamicNext <= 127)
        {
            int candidate = dynamicNext++;
            if (used.Add(candidate))
            {
                return candidate;
            }
        }

        return -1;
    }
}
