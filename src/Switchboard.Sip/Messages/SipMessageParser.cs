using System.Diagnostics.CodeAnalysis;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>
/// Non-throwing span parser for SIP messages (RFC 3261 §7 and §25). Indexes the start line and header lines without
/// creating strings; header values are parsed lazily by the header types.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Parses a datagram into a pooled message. On failure <paramref name="message"/> is null.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, [NotNullWhen(true)] out SipMessage? message, out SipParseError error)
        => TryParse(data, SipParseMode.Datagram, out message, out error);

    /// <summary>Parses into a pooled message (dispose it when done). On failure <paramref name="message"/> is null.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, SipParseMode mode, [NotNullWhen(true)] out SipMessage? message, out SipParseError error)
    {
        SipMessage m = SipMessagePool.Rent();
        if (TryParse(data, mode, m, out error))
        {
            message = m;
            return true;
        }

        m.Dispose();
        message = null;
        return false;
    }

    /// <summary>Parses into an existing message instance (reused; its previous view is discarded).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, SipParseMode mode, SipMessage target, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.BeginParse(data);
        ReadOnlySpan<byte> s = data.Span;

        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        int pos = 0;
        while (pos < s.Length && (s[pos] == SipAscii.Cr || s[pos] == SipAscii.Lf))
        {
            pos++;
        }

        if (pos == s.Length)
        {
            error = new SipParseError(SipParseErrorCode.Empty, 0);
            return false;
        }

        int lineEnd = FindLineEnd(s, pos, out int next);
        if (lineEnd < 0)
        {
            error = new SipParseError(SipParseErrorCode.MissingEmptyLine, pos);
            return false;
        }

        error = ParseStartLine(s, pos, lineEnd, target);
        if (error.IsError)
        {
            return false;
        }

        error = ParseHeaders(s, next, target, out int bodyStart);
        if (error.IsError)
        {
            return false;
        }

        error = ParseBody(s, bodyStart, mode, target);
        return !error.IsError;
    }

    /// <summary>Index of the line terminator (CR of CRLF, or a bare LF) at/after start; -1 if none.</summary>
    internal static int FindLineEnd(ReadOnlySpan<byte> s, int start, out int next)
    {
        int lf = s[start..].IndexOf(SipAscii.Lf);
        if (lf < 0)
        {
            next = s.Length;
            return -1;
        }

        lf += start;
        next = lf + 1;
        return lf > start && s[lf - 1] == SipAscii.Cr ? lf - 1 : lf;
    }

    private static SipParseError ParseStartLine(ReadOnlySpan<byte> s, int start, int end, SipMessage m)
    {
        ReadOnlySpan<byte> line = s[start..end];
        if (line.Length >= 4 && SipAscii.EqualsIgnoreCase(line[..4], "SIP/"u8))
        {
            return ParseStatusLine(line, start, m);
        }

        return ParseRequestLine(line, start, m);
    }

    private static SipParseError ParseRequestLine(ReadOnlySpan<byte> line, int offset, SipMessage m)
    {
        int sp1 = line.IndexOf(SipAscii.Sp);
        if (sp1 <= 0)
        {
            return new SipParseError(SipParseErrorCode.BadStartLine, offset);
        }

        ReadOnlySpan<byte> method = line[..sp1];
        if (!SipAscii.IsTokenSpan(method))
        {
            return new SipParseError(SipParseErrorCode.BadMethod, offset);
        }

        int uriStart = sp1 + 1;
        int sp2 = line[uriStart..].IndexOf(SipAscii.Sp);
        if (sp2 <= 0)
        {
            // empty URI (two spaces in a row) or no version at all
            return new SipParseError(SipParseErrorCode.BadRequestUri, offset + uriStart);
        }

        sp2 += uriStart;
        ReadOnlySpan<byte> uri = line[uriStart..sp2];
        if (!IsPlausibleUri(uri))
        {
            return new SipParseError(SipParseErrorCode.BadRequestUri, offset + uriStart);
        }

        int versionStart = sp2 + 1;
        ReadOnlySpan<byte> version = line[versionStart..];
        if (!IsVersion(version))
        {
            return new SipParseError(SipParseErrorCode.BadVersion, offset + versionStart);
        }

        m.SetRequestLine(offset, sp1, SipMethods.Parse(method), offset + uriStart, uri.Length, offset + versionStart, version.Length);
        return default;
    }

    private static SipParseError ParseStatusLine(ReadOnlySpan<byte> line, int offset, SipMessage m)
    {
        int sp1 = line.IndexOf(SipAscii.Sp);
        if (sp1 < 0 || !IsVersion(line[..sp1]))
        {
            return new SipParseError(SipParseErrorCode.BadVersion, offset);
        }

        int codeStart = sp1 + 1;
        int codeEnd = codeStart;
        while (codeEnd < line.Length && SipAscii.IsDigit(line[codeEnd]))
        {
            codeEnd++;
        }

        if (codeEnd - codeStart != 3 || (codeEnd < line.Length && line[codeEnd] != SipAscii.Sp))
        {
            return new SipParseError(SipParseErrorCode.BadStatusCode, offset + codeStart);
        }

        int code = ((line[codeStart] - '0') * 100) + ((line[codeStart + 1] - '0') * 10) + (line[codeStart + 2] - '0');
        if (code < 100 || code > 699)
        {
            return new SipParseError(SipParseErrorCode.BadStatusCode, offset + codeStart);
        }

        int reasonStart = Math.Min(codeEnd + 1, line.Length);
        foreach (byte b in line[reasonStart..])
        {
            if (b < 0x20 && b != SipAscii.Tab)
            {
                return new SipParseError(SipParseErrorCode.BadCharacter, offset + reasonStart);
            }
        }

        m.SetStatusLine(offset, sp1, code, offset + reasonStart, line.Length - reasonStart);
        return default;
    }

    /// <summary>A Request-URI must be scheme ":" followed by non-white, non-control characters, not in angle brackets.</summary>
    private static bool IsPlausibleUri(ReadOnlySpan<byte> uri)
    {
        if (uri.IsEmpty || !SipAscii.IsAlpha(uri[0]))
        {
            return false;
        }

        int i = 1;
        while (i < uri.Length && (SipAscii.IsAlpha(uri[i]) || SipAscii.IsDigit(uri[i]) || uri[i] == '+' || uri[i] == '-' || uri[i] == '.'))
        {
            i++;
        }

        if (i >= uri.Length || uri[i] != ':')
        {
            return false;
        }

        for (i++; i < uri.Length; i++)
        {
            byte b = uri[i];
            if (b <= 0x20 || b >= 0x7F || b == '<' || b == '>' || b == '"')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (case-insensitive).</summary>
    private static bool IsVersion(ReadOnlySpan<byte> v)
    {
        if (v.Length < 7 || !SipAscii.EqualsIgnoreCase(v[..4], "SIP/"u8))
        {
            return false;
        }

        int i = 4;
        int digits = 0;
        while (i < v.Length && SipAscii.IsDigit(v[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0 || i >= v.Length || v[i] != '.')
        {
            return false;
        }

        i++;
        digits = 0;
        while (i < v.Length && SipAscii.IsDigit(v[i]))
        {
            i++;
            digits++;
        }

        return digits > 0 && i == v.Length;
    }

    private static SipParseError ParseHeaders(ReadOnlySpan<byte> s, int pos, SipMessage m, out int bodyStart)
    {
        bodyStart = s.Length;
        while (true)
        {
            if (pos >= s.Length)
            {
                return new SipParseError(SipParseErrorCode.MissingEmptyLine, pos);
            }

            int lineEnd = FindLineEnd(s, pos, out int next);
            if (lineEnd < 0)
            {
                return new SipParseError(SipParseErrorCode.MissingEmptyLine, pos);
            }

            if (lineEnd == pos)
            {
                bodyStart = next;
                return default;
            }

            if (SipAscii.IsWsp(s[pos]))
            {
                if (m.HeaderCount == 0)
                {
                    return new SipParseError(SipParseErrorCode.BadFolding, pos);
                }

                // obs-fold: the value continues; skip a continuation that is only white space at the start
                int content = pos;
                while (content < lineEnd && SipAscii.IsWsp(s[content]))
                {
                    content++;
                }

                if (content < lineEnd)
                {
                    int end = lineEnd;
                    while (end > content && SipAscii.IsWsp(s[end - 1]))
                    {
                        end--;
                    }

                    m.ExtendLastHeader(content, end);
                }

                pos = next;
                continue;
            }

            SipParseError e = ParseHeaderLine(s, pos, lineEnd, m);
            if (e.IsError)
            {
                return e;
            }

            pos = next;
        }
    }

    private static SipParseError ParseHeaderLine(ReadOnlySpan<byte> s, int start, int end, SipMessage m)
    {
        int nameEnd = start;
        while (nameEnd < end && SipAscii.IsToken(s[nameEnd]))
        {
            nameEnd++;
        }

        int colon = nameEnd;
        while (colon < end && SipAscii.IsWsp(s[colon]))
        {
            colon++;
        }

        if (nameEnd == start || colon >= end || s[colon] != ':')
        {
            return new SipParseError(SipParseErrorCode.BadHeaderLine, start);
        }

        int valueStart = colon + 1;
        while (valueStart < end && SipAscii.IsWsp(s[valueStart]))
        {
            valueStart++;
        }

        int valueEnd = end;
        while (valueEnd > valueStart && SipAscii.IsWsp(s[valueEnd - 1]))
        {
            valueEnd--;
        }

        SipHeaderId id = SipHeaderNames.Identify(s[start..nameEnd]);
        return m.AddHeader(id, start, nameEnd - start, valueStart, valueEnd - valueStart)
            ? default
            : new SipParseError(SipParseErrorCode.TooManyHeaders, start);
    }

    private static SipParseError ParseBody(ReadOnlySpan<byte> s, int bodyStart, SipParseMode mode, SipMessage m)
    {
        int index = m.IndexOf(SipHeaderId.ContentLength);
        int available = s.Length - bodyStart;
        if (index < 0)
        {
            if (mode == SipParseMode.Stream)
            {
                return new SipParseError(SipParseErrorCode.MissingContentLength, bodyStart);
            }

            m.SetBody(bodyStart, available, -1);
            return default;
        }

        if (m.IndexOf(SipHeaderId.ContentLength, index + 1) >= 0)
        {
            return new SipParseError(SipParseErrorCode.MultipleContentLength, bodyStart);
        }

        ReadOnlySpan<byte> value = SipAscii.TrimLws(m.GetHeaderValue(index).Span);
        if (!SipAscii.TryParseBounded(value, int.MaxValue, out uint length))
        {
            return new SipParseError(SipParseErrorCode.BadContentLength, bodyStart);
        }

        if (length > available)
        {
            return new SipParseError(SipParseErrorCode.ContentLengthExceedsData, bodyStart);
        }

        // RFC 3261 §18.3: bytes after the body in a datagram are discarded.
        m.SetBody(bodyStart, (int)length, (int)length);
        m.Truncate(bodyStart + (int)length);
        return default;
    }
}
