namespace Switchboard.Sdp.Parsing;

/// <summary>Dispatches one "&lt;type&gt;=&lt;value&gt;" line to the field parsers.</summary>
internal static class SdpLineParser
{
    public static bool TryParseLine(SdpParseState state, ReadOnlySpan<char> line, int lineNumber, out SdpParseError error)
    {
        if (line.Length < 2 || line[1] != '=')
        {
            error = new SdpParseError(SdpParseErrorReason.MalformedLine, lineNumber, $"expected '<type>=<value>' but found '{Clip(line)}'");
            return false;
        }

        char type = line[0];
        ReadOnlySpan<char> value = line[2..];
        if (!state.SawVersion)
        {
            if (type != 'v')
            {
                error = new SdpParseError(SdpParseErrorReason.MissingVersion, lineNumber, "the first line must be v=0");
                return false;
            }

            if (!value.Trim().SequenceEqual("0"))
            {
                error = new SdpParseError(SdpParseErrorReason.UnsupportedVersion, lineNumber, $"unsupported SDP version '{Clip(value)}'");
                return false;
            }

            state.SawVersion = true;
            error = SdpParseError.None;
            return true;
        }

        var sdp = state.Sdp;
        var media = state.CurrentMedia;
        error = SdpParseError.None;
        switch (type)
        {
            case 'v':
                error = new SdpParseError(SdpParseErrorReason.MalformedLine, lineNumber, "duplicate v= line");
                return false;
            case 'o':
                if (state.SawOrigin || !SdpFieldParser.TryParseOrigin(value, out var origin))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidOrigin, lineNumber, $"invalid or duplicate o= line '{Clip(value)}'");
                    return false;
                }

                sdp.Origin = origin;
                state.SawOrigin = true;
                return true;
            case 's':
                sdp.SessionName = value.ToString();
                state.SawSessionName = true;
                return true;
            case 'i':
                if (media is null)
                {
                    sdp.Information = value.ToString();
                }
                else
                {
                    media.Title = value.ToString();
                }

                return true;
            case 'u':
                sdp.Uri = value.ToString();
                return true;
            case 'e':
                sdp.Emails.Add(value.ToString());
                return true;
            case 'p':
                sdp.Phones.Add(value.ToString());
                return true;
            case 'c':
                if (!SdpFieldParser.TryParseConnection(value, out var connection))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidConnection, lineNumber, $"invalid c= line '{Clip(value)}'");
                    return false;
                }

                if (media is null)
                {
                    sdp.Connection = connection;
                }
                else
                {
                    media.Connection = connection;
                }

                return true;
            case 'b':
                if (!SdpFieldParser.TryParseBandwidth(value, out var bandwidth))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidBandwidth, lineNumber, $"invalid b= line '{Clip(value)}'");
                    return false;
                }

                (media?.Bandwidths ?? sdp.Bandwidths).Add(bandwidth);
                return true;
            case 't':
                if (!SdpFieldParser.TryParseTiming(value, out var timing))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidTiming, lineNumber, $"invalid t= line '{Clip(value)}'");
                    return false;
                }

                sdp.Timings.Add(timing);
                return true;
            case 'r':
                if (sdp.Timings.Count == 0)
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidTiming, lineNumber, "r= line without a preceding t= line");
                    return false;
                }

                sdp.Timings[^1].Repeats.Add(value.ToString());
                return true;
            case 'z':
                sdp.TimeZones = value.ToString();
                return true;
            case 'k':
                if (media is null)
                {
                    sdp.EncryptionKey = value.ToString();
                }
                else
                {
                    media.EncryptionKey = value.ToString();
                }

                return true;
            case 'a':
                if (++state.AttributesInSection > SdpParser.MaxAttributesPerSection)
                {
                    error = new SdpParseError(SdpParseErrorReason.TooManyAttributes, lineNumber, $"more than {SdpParser.MaxAttributesPerSection} attributes in one section");
                    return false;
                }

                if (!SdpAttributeParser.TryApply(sdp, media, value, out string? detail))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidAttribute, lineNumber, detail ?? "invalid attribute");
                    return false;
                }

                return true;
            case 'm':
                if (sdp.Media.Count >= SdpParser.MaxMediaSections)
                {
                    error = new SdpParseError(SdpParseErrorReason.TooManyMediaSections, lineNumber, $"more than {SdpParser.MaxMediaSections} m= sections");
                    return false;
                }

                if (!SdpFieldParser.TryParseMedia(value, out var newMedia))
                {
                    error = new SdpParseError(SdpParseErrorReason.InvalidMedia, lineNumber, $"invalid m= line '{Clip(value)}'");
                    return false;
                }

                sdp.Media.Add(newMedia);
                state.CurrentMedia = newMedia;
                state.AttributesInSection = 0;
                return true;
            default:
                // RFC 8866 §5: a parser ignores lines with an unknown type letter.
                return true;
        }
    }

    internal static string Clip(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : string.Concat(text[..80], "...");
}
