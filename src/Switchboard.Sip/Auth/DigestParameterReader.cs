using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Auth;

/// <summary>Reads <c>Scheme name=value, name="quoted", ...</c> auth-param lists (RFC 3261 §25.1, RFC 7616).</summary>
internal ref struct DigestParameterReader
{
    private readonly ReadOnlySpan<byte> _s;
    private int _pos;

    /// <summary>Positions after the scheme token; <paramref name="scheme"/> is that token.</summary>
    public DigestParameterReader(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> scheme)
    {
        _s = value;
        int i = SipAscii.SkipLws(value, 0);
        int start = i;
        while (i < value.Length && SipAscii.IsToken(value[i]))
        {
            i++;
        }

        scheme = value[start..i];
        _pos = i;
        Malformed = false;
    }

    /// <summary>Set when a parameter could not be read.</summary>
    public bool Malformed { get; private set; }

    /// <summary>Reads the next name/value (value without quotes, offsets into the original span).</summary>
    public bool Next(out int nameStart, out int nameLength, out int valueStart, out int valueLength, out bool quoted)
    {
        nameStart = nameLength = valueStart = valueLength = 0;
        quoted = false;
        int i = SipAscii.SkipLws(_s, _pos);
        while (i < _s.Length && _s[i] == ',')
        {
            i = SipAscii.SkipLws(_s, i + 1);
        }

        if (i >= _s.Length)
        {
            _pos = i;
            return false;
        }

        nameStart = i;
        while (i < _s.Length && SipAscii.IsToken(_s[i]))
        {
            i++;
        }

        nameLength = i - nameStart;
        i = SipAscii.SkipLws(_s, i);
        if (nameLength == 0 || i >= _s.Length || _s[i] != '=')
        {
            Malformed = true;
            return false;
        }

        i = SipAscii.SkipLws(_s, i + 1);
        if (i < _s.Length && _s[i] == '"')
        {
            quoted = true;
            valueStart = ++i;
            while (i < _s.Length && _s[i] != '"')
            {
                i += _s[i] == '\\' ? 2 : 1;
            }

            if (i >= _s.Length)
            {
                Malformed = true;
                return false;
            }

            valueLength = i - valueStart;
            i++;
        }
        else
        {
            valueStart = i;
            while (i < _s.Length && _s[i] != ',' && !SipAscii.IsLws(_s[i]))
            {
                i++;
            }

            valueLength = i - valueStart;
        }

        i = SipAscii.SkipLws(_s, i);
        if (i < _s.Length && _s[i] != ',')
        {
            Malformed = true;
            return false;
        }

        _pos = i;
        return true;
    }
}
