namespace Switchboard.Sdp.Parsing;

/// <summary>
/// Applies one a= line to the session or the current media section. rtpmap, fmtp, ptime, maxptime, rtcp and the
/// direction attributes become typed properties; everything else is kept as a generic <see cref="SdpAttribute"/>.
/// </summary>
internal static class SdpAttributeParser
{
    public static bool TryApply(SessionDescription sdp, MediaDescription? media, ReadOnlySpan<char> value, out string? detail)
    {
        detail = null;
        int colon = value.IndexOf(':');
        ReadOnlySpan<char> name = colon < 0 ? value : value[..colon];
        ReadOnlySpan<char> arg = colon < 0 ? default : value[(colon + 1)..];
        if (name.IsEmpty)
        {
            detail = "attribute without a name";
            return false;
        }

        if (colon < 0 && MediaDirections.TryParse(name.ToString(), out var direction))
        {
            if (media is null)
            {
                sdp.Direction = direction;
            }
            else
            {
                media.Direction = direction;
            }

            return true;
        }

        if (media is not null && colon >= 0)
        {
            if (name.SequenceEqual("rtpmap"))
            {
                if (!TryParseRtpMap(arg, out var map))
                {
                    detail = $"invalid rtpmap '{SdpLineParser.Clip(arg)}'";
                    return false;
                }

                media.RtpMaps.Add(map);
                return true;
            }

            if (name.SequenceEqual("fmtp") && TryParseFmtp(arg, out var fmtp))
            {
                media.FormatParameters.Add(fmtp);
                return true;
            }

            if (name.SequenceEqual("ptime") && TryParseMilliseconds(arg, out int ptime))
            {
                media.Ptime = ptime;
                return true;
            }

            if (name.SequenceEqual("maxptime") && TryParseMilliseconds(arg, out int maxptime))
            {
                media.MaxPtime = maxptime;
                return true;
            }

            if (name.SequenceEqual("rtcp"))
            {
                if (!TryParseRtcp(arg, out var rtcp))
                {
                    detail = $"invalid rtcp attribute '{SdpLineParser.Clip(arg)}'";
                    return false;
                }

                media.Rtcp = rtcp;
                return true;
            }
        }

        var attribute = new SdpAttribute(name.ToString(), colon < 0 ? null : arg.ToString());
        (media?.Attributes ?? sdp.Attributes).Add(attribute);
        return true;
    }

    private static bool TryParseRtpMap(ReadOnlySpan<char> arg, out RtpMap map)
    {
        map = null!;
        arg = arg.Trim();
        int space = arg.IndexOf(' ');
        if (space <= 0 || !SdpNumbers.TryInt(arg[..space], out int pt) || pt > 127)
        {
            return false;
        }

        var encoding = arg[(space + 1)..].Trim();
        int slash = encoding.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var name = encoding[..slash];
        var rest = encoding[(slash + 1)..];
        int? channels = null;
        int slash2 = rest.IndexOf('/');
        if (slash2 >= 0)
        {
            if (!SdpNumbers.TryInt(rest[(slash2 + 1)..], out int ch) || ch < 1)
            {
                return false;
            }

            channels = ch;
            rest = rest[..slash2];
        }

        if (!SdpNumbers.TryInt(rest, out int clock) || clock < 1)
        {
            return false;
        }

        map = new RtpMap(pt, name.ToString(), clock, channels);
        return true;
    }

    private static bool TryParseFmtp(ReadOnlySpan<char> arg, out FormatParameters fmtp)
    {
        fmtp = null!;
        arg = arg.TrimStart(' ');
        int space = arg.IndexOf(' ');
        var format = space < 0 ? arg : arg[..space];
        if (!SdpNumbers.TryInt(format, out int pt) || pt > 127)
        {
            return false;
        }

        fmtp = new FormatParameters(pt, space < 0 ? string.Empty : arg[(space + 1)..].Trim().ToString());
        return true;
    }

    private static bool TryParseMilliseconds(ReadOnlySpan<char> arg, out int ms)
    {
        arg = arg.Trim();
        int dot = arg.IndexOf('.');
        if (dot > 0)
        {
            // Some devices write a=ptime:20.0; the fractional part is dropped.
            arg = arg[..dot];
        }

        return SdpNumbers.TryInt(arg, out ms) && ms > 0;
    }

    private static bool TryParseRtcp(ReadOnlySpan<char> arg, out RtcpAttribute rtcp)
    {
        rtcp = null!;
        arg = arg.Trim();
        int space = arg.IndexOf(' ');
        var portText = space < 0 ? arg : arg[..space];
        if (!SdpNumbers.TryInt(portText, out int port) || port > 65535)
        {
            return false;
        }

        SdpConnection? connection = null;
        if (space >= 0)
        {
            if (!SdpFieldParser.TryParseConnection(arg[(space + 1)..], out var c))
            {
                return false;
            }

            connection = c;
        }

        rtcp = new RtcpAttribute(port, connection);
        return true;
    }
}
