using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>
/// Reads <c>;name[=value]</c> parameter lists (generic-param, uri-parameter, via-params) from raw bytes, tolerating
/// LWS around <c>;</c> and <c>=</c>. Values may be tokens, hosts (incl. IPv6) or quoted strings.
/// </summary>
public static class SipParameters
{
    /// <summary>
    /// Finds parameter <paramref name="name"/> (case-insensitive) in <paramref name="parameters"/> (which may start
    /// with ';'). <paramref name="value"/> is empty when the parameter has no value; quotes are kept.
    /// </summary>
    public static bool TryGet(ReadOnlyMemory<byte> parameters, ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        ReadOnlySpan<byte> s = parameters.Span;
        int pos = 0;
        while (TryReadNext(s, ref pos, out int ns, out int nl, out int vs, out int vl))
        {
            if (SipAscii.EqualsIgnoreCase(s.Slice(ns, nl), name))
            {
                value = parameters.Slice(vs, vl);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Span form of <see cref="TryGet(ReadOnlyMemory{byte}, ReadOnlySpan{byte}, out ReadOnlyMemory{byte})"/>.</summary>
    public static bool TryGet(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int pos = 0;
        while (TryReadNext(parameters, ref pos, out int ns, out int nl, out int vs, out int vl))
        {
            if (SipAscii.EqualsIgnoreCase(parameters.Slice(ns, nl), name))
            {
                value = parameters.Slice(vs, vl);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when every parameter is well formed: a token name and, if '=' is present, a non-empty value.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> parameters)
    {
        int pos = 0;
        while (true)
        {
            int before = pos;
            if (!TryReadNext(parameters, ref pos, out _, out int nl, out _, out _))
            {
                // either the end, or a malformed element
                return SipAscii.SkipLws(parameters, before) >= parameters.Length;
            }

            if (nl == 0)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Reads the next parameter at or after <paramref name="pos"/>. Returns false at the end of the list or when
    /// the next element is malformed (then <paramref name="pos"/> is unchanged).
    /// </summary>
    internal static bool TryReadNext(ReadOnlySpan<byte> s, ref int pos, out int nameStart, out int nameLength, out int valueStart, out int valueLength)
    {
        nameStart = nameLength = valueStart = valueLength = 0;
        int i = SipAscii.SkipLws(s, pos);
        if (i >= s.Length || s[i] != ';')
        {
            return false;
        }

        i = SipAscii.SkipLws(s, i + 1);
        int ns = i;
        while (i < s.Length && SipAscii.IsToken(s[i]))
        {
            i++;
        }

        if (i == ns)
        {
            return false;
        }

        nameStart = ns;
        nameLength = i - ns;
        int afterName = i;
        i = SipAscii.SkipLws(s, i);
        if (i < s.Length && s[i] == '=')
        {
            i = SipAscii.SkipLws(s, i + 1);
            int vs = i;
            if (!TryReadValue(s, ref i))
            {
                return false;
            }

            valueStart = vs;
            valueLength = i - vs;
            pos = i;
            return true;
        }

        valueStart = afterName;
        pos = afterName;
        return true;
    }

    /// <summary>Reads a token/host/quoted-string value starting at <paramref name="i"/>; false when empty or unterminated.</summary>
    internal static bool TryReadValue(ReadOnlySpan<byte> s, ref int i)
    {
        int start = i;
        if (i < s.Length && s[i] == '"')
        {
            for (i++; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (s[i] == '"')
                {
                    i++;
                    return true;
                }
            }

            i = start;
            return false;
        }

        while (i < s.Length && IsValueChar(s[i]))
        {
            i++;
        }

        return i > start;
    }

    private static bool IsValueChar(byte b)
        => SipAscii.IsToken(b) || b == ':' || b == '[' || b == ']' || b == '/' || b == '@' || b == '&' || b == '$' || b == '(' || b == ')' || b >= 0x80;
}
