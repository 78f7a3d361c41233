using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>
/// A From/To/Contact/Route/Refer-To style value (RFC 3261 §20.10, §25.1): <c>["Display"] &lt;uri&gt;;params</c>,
/// an addr-spec with header parameters, or the Contact wildcard <c>*</c>.
/// </summary>
public readonly struct SipNameAddr
{
    /// <summary>The whole value as written.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>True for the Contact wildcard <c>*</c>.</summary>
    public bool IsWildcard { get; init; }

    /// <summary>The display name without quotes (escapes not undone); empty when absent.</summary>
    public ReadOnlyMemory<byte> DisplayName { get; init; }

    /// <summary>True when the display name was a quoted-string.</summary>
    public bool DisplayNameQuoted { get; init; }

    /// <summary>The URI (without angle brackets). Parse with <c>SipUri.TryParse</c>.</summary>
    public ReadOnlyMemory<byte> Uri { get; init; }

    /// <summary>True when the URI was enclosed in angle brackets.</summary>
    public bool HasAngleBrackets { get; init; }

    /// <summary>Header parameters starting at the first ';' (empty when none).</summary>
    public ReadOnlyMemory<byte> Parameters { get; init; }

    /// <summary>The tag parameter (empty when absent).</summary>
    public ReadOnlyMemory<byte> Tag { get; init; }

    /// <summary>The expires parameter in seconds, -1 when absent, or -2 when present but not a valid number.</summary>
    public long Expires { get; init; }

    /// <summary>The q parameter as written (empty when absent).</summary>
    public ReadOnlyMemory<byte> Q { get; init; }

    /// <summary>Parses one name-addr / addr-spec value (not a comma list).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipNameAddr result)
    {
        result = default;
        ReadOnlySpan<byte> s = value.Span;
        int i = SipAscii.SkipLws(s, 0);
        int end = s.Length;
        while (end > i && SipAscii.IsLws(s[end - 1]))
        {
            end--;
        }

        if (i >= end)
        {
            return false;
        }

        if (s[i] == '*')
        {
            if (SipAscii.SkipLws(s, i + 1) < end)
            {
                return false;
            }

            result = new SipNameAddr { Raw = value, IsWildcard = true, Expires = -1 };
            return true;
        }

        int dnStart = 0, dnLength = 0;
        bool quoted = false;
        if (s[i] == '"')
        {
            int close = FindClosingQuote(s, i + 1, end);
            if (close < 0)
            {
                return false;
            }

            dnStart = i + 1;
            dnLength = close - dnStart;
            quoted = true;
            i = SipAscii.SkipLws(s, close + 1);
            if (i >= end || s[i] != '<')
            {
                return false;
            }
        }
        else if (TryFindUnquotedDisplayName(s, i, end, out int lt))
        {
            int dnEnd = lt;
            while (dnEnd > i && SipAscii.IsLws(s[dnEnd - 1]))
            {
                dnEnd--;
            }

            dnStart = i;
            dnLength = dnEnd - i;
            i = lt;
        }

        int uriStart, uriLength, paramsStart;
        bool angle = i < end && s[i] == '<';
        if (angle)
        {
            int gt = s[i..end].IndexOf((byte)'>');
            if (gt < 0)
            {
                return false;
            }

            gt += i;
            uriStart = i + 1;
            uriLength = gt - uriStart;
            if (!IsPlausibleUri(s.Slice(uriStart, uriLength), addrSpec: false))
            {
                return false;
            }

            paramsStart = gt + 1;
        }
        else
        {
            // addr-spec: the URI ends at the first ';' (those are header parameters) or white space
            uriStart = i;
            while (i < end && s[i] != ';' && !SipAscii.IsLws(s[i]))
            {
                i++;
            }

            uriLength = i - uriStart;
            if (!IsPlausibleUri(s.Slice(uriStart, uriLength), addrSpec: true))
            {
                return false;
            }

            paramsStart = i;
        }

        ReadOnlyMemory<byte> parms = value[SipAscii.SkipLws(s[..end], paramsStart)..end];
        if (!SipParameters.IsWellFormed(parms.Span))
        {
            return false;
        }

        SipParameters.TryGet(parms, "tag"u8, out ReadOnlyMemory<byte> tag);
        SipParameters.TryGet(parms, "q"u8, out ReadOnlyMemory<byte> q);
        long expires = -1;
        if (SipParameters.TryGet(parms.Span, "expires"u8, out ReadOnlySpan<byte> exp))
        {
            expires = SipAscii.TryParseUInt64(exp, out ulong e) && e <= uint.MaxValue ? (long)e : -2;
        }

        result = new SipNameAddr
        {
            Raw = value,
            DisplayName = value.Slice(dnStart, dnLength),
            DisplayNameQuoted = quoted,
            Uri = value.Slice(uriStart, uriLength),
            HasAngleBrackets = angle,
            Parameters = parms,
            Tag = tag,
            Expires = expires,
            Q = q,
        };
        return true;
    }

    private static int FindClosingQuote(ReadOnlySpan<byte> s, int i, int end)
    {
        for (; i < end; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>display-name = *(token LWS): true when tokens/LWS run up to a '&lt;'.</summary>
    private static bool TryFindUnquotedDisplayName(ReadOnlySpan<byte> s, int i, int end, out int lt)
    {
        lt = -1;
        int j = i;
        while (j < end && (SipAscii.IsToken(s[j]) || SipAscii.IsLws(s[j])))
        {
            j++;
        }

        if (j < end && s[j] == '<')
        {
            lt = j;
            return true;
        }

        return false;
    }

    /// <summary>scheme ":" then no white space; an addr-spec must not contain '?', ',' or '&lt;&gt;' (RFC 3261 §20).</summary>
    internal static bool IsPlausibleUri(ReadOnlySpan<byte> uri, bool addrSpec)
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

        if (i >= uri.Length - 1 || uri[i] != ':')
        {
            return false;
        }

        for (; i < uri.Length; i++)
        {
            byte b = uri[i];
            if (b <= 0x20 || b == 0x7F || b == '<' || b == '>' || b == '"')
            {
                return false;
            }

            if (addrSpec && (b == '?' || b == ','))
            {
                return false;
            }
        }

        return true;
    }
}
