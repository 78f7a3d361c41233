using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Switchboard.Sdp.Parsing;

/// <summary>
/// Non-throwing SDP parser (RFC 8866 / RFC 4566). Accepts CRLF or bare LF line ends and skips blank lines;
/// unknown line types are ignored as the RFC requires. Structural errors (first line not v=0, bad o=, c=, m=,
/// rtpmap, rtcp, a media stream with no connection address, size limits) refuse the whole body with a reason
/// and the line number.
/// </summary>
public static class SdpParser
{
    public const int MaxBodyLength = 64 * 1024;
    public const int MaxLines = 4096;
    public const int MaxMediaSections = 32;
    public const int MaxAttributesPerSection = 512;

    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out SessionDescription? sdp, out SdpParseError error)
    {
        sdp = null;
        if (body.Length > MaxBodyLength)
        {
            error = new SdpParseError(SdpParseErrorReason.TooLarge, 0, $"body of {body.Length} bytes exceeds {MaxBodyLength}");
            return false;
        }

        if (!Utf8.IsValid(body))
        {
            error = new SdpParseError(SdpParseErrorReason.InvalidText, 0, "body is not valid UTF-8");
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(body), out sdp, out error);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? sdp, out SdpParseError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        sdp = null;
        if (text.Length > MaxBodyLength)
        {
            error = new SdpParseError(SdpParseErrorReason.TooLarge, 0, $"body of {text.Length} characters exceeds {MaxBodyLength}");
            return false;
        }

        var state = new SdpParseState();
        ReadOnlySpan<char> rest = text;
        int lineNumber = 0;
        while (!rest.IsEmpty)
        {
            int nl = rest.IndexOf('\n');
            ReadOnlySpan<char> line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? default : rest[(nl + 1)..];
            lineNumber++;
            if (lineNumber > MaxLines)
            {
                error = new SdpParseError(SdpParseErrorReason.TooManyLines, lineNumber, $"more than {MaxLines} lines");
                return false;
            }

            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty || line.IsWhiteSpace())
            {
                continue;
            }

            if (!SdpLineParser.TryParseLine(state, line, lineNumber, out error))
            {
                return false;
            }
        }

        return state.TryFinish(out sdp, out error);
    }
}
