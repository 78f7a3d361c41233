namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// The codecs Switchboard knows by Asterisk name. Audio: ulaw, alaw, gsm, g722, g729, g723, opus; DTMF:
/// telephone-event (RFC 4733); video names are known so that allow lists naming them load, but video streams are
/// declined. G.722 uses an RTP clock of 8000 although it samples at 16 kHz (RFC 3551 §4.5.2).
/// </summary>
public static class SdpCodecCatalog
{
    public static readonly SdpCodec Ulaw = new("ulaw", SdpCodecKind.Audio, "PCMU", 8000, null, 0, 0, null);
    public static readonly SdpCodec Alaw = new("alaw", SdpCodecKind.Audio, "PCMA", 8000, null, 8, 8, null);
    public static readonly SdpCodec Gsm = new("gsm", SdpCodecKind.Audio, "GSM", 8000, null, 3, 3, null);
    public static readonly SdpCodec G722 = new("g722", SdpCodecKind.Audio, "G722", 8000, null, 9, 9, null);
    public static readonly SdpCodec G729 = new("g729", SdpCodecKind.Audio, "G729", 8000, null, 18, 18, "annexb=no");
    public static readonly SdpCodec G723 = new("g723", SdpCodecKind.Audio, "G723", 8000, null, 4, 4, null);
    public static readonly SdpCodec Opus = new("opus", SdpCodecKind.Audio, "opus", 48000, 2, -1, 107, "useinbandfec=1");
    public static readonly SdpCodec TelephoneEvent = new("telephone-event", SdpCodecKind.TelephoneEvent, "telephone-event", 8000, null, -1, 101, "0-16");
    public static readonly SdpCodec H263 = new("h263", SdpCodecKind.Video, "H263", 90000, null, 34, 34, null);
    public static readonly SdpCodec H263Plus = new("h263p", SdpCodecKind.Video, "H263-1998", 90000, null, -1, 98, null);
    public static readonly SdpCodec H264 = new("h264", SdpCodecKind.Video, "H264", 90000, null, -1, 99, null);

    /// <summary>Every known codec, audio first in Asterisk's usual preference order.</summary>
    public static IReadOnlyList<SdpCodec> All { get; } = [Ulaw, Alaw, Gsm, G722, G729, G723, Opus, TelephoneEvent, H263, H263Plus, H264];

    /// <summary>Looks a codec up by its Asterisk name (case-insensitive).</summary>
    public static bool TryGetByName(string name, out SdpCodec codec)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                codec = c;
                return true;
            }
        }

        codec = null!;
        return false;
    }

    /// <summary>The codec of a static payload type (RFC 3551 table 4), used when an offer omits a=rtpmap.</summary>
    public static bool TryGetStatic(int payloadType, out SdpCodec codec)
    {
        foreach (var c in All)
        {
            if (c.StaticPayloadType == payloadType)
            {
                codec = c;
                return true;
            }
        }

        codec = null!;
        return false;
    }

    /// <summary>Finds the codec for an encoding name and clock rate from an a=rtpmap line.</summary>
    public static bool TryGetByEncoding(string encodingName, int clockRate, out SdpCodec codec)
    {
        foreach (var c in All)
        {
            if (c.Matches(encodingName, clockRate))
            {
                codec = c;
                return true;
            }
        }

        // telephone-event may be offered at other clock rates (16000, 48000) alongside wideband codecs.
        if (string.Equals(encodingName, TelephoneEvent.EncodingName, StringComparison.OrdinalIgnoreCase))
        {
            codec = TelephoneEvent with { ClockRate = clockRate };
            return true;
        }

        codec = null!;
        return false;
    }

    /// <summary>
    /// Resolves payload type <paramref name="payloadType"/> of an offered or answered m= section: by its rtpmap
    /// when present, otherwise by the static table.
    /// </summary>
    public static bool TryResolve(MediaDescription media, int payloadType, out SdpCodec codec)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.FindRtpMap(payloadType) is { } map)
        {
            return TryGetByEncoding(map.EncodingName, map.ClockRate, out codec);
        }

        if (payloadType < 96)
        {
            return TryGetStatic(payloadType, out codec);
        }

        codec = null!;
        return false;
    }
}
