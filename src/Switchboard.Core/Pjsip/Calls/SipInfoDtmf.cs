using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// DTMF in SIP INFO as Asterisk accepts it: <c>application/dtmf-relay</c> with a <c>Signal=</c> line (digit, or
/// 10 for '*' and 11 for '#'), or <c>application/dtmf</c> whose body is the digit.
/// </summary>
internal static class SipInfoDtmf
{
    public static bool TryRead(SipMessage request, out char digit)
    {
        digit = '\0';
        if (!request.TryGetHeader(SipHeaderId.ContentType, out var typeValue))
        {
            return false;
        }

        var type = typeValue.Span.Trim(" \t"u8);
        var body = request.Body.Span;
        if (StartsWithIgnoreCase(type, "application/dtmf-relay"u8))
        {
            return TryReadRelay(body, out digit);
        }

        if (StartsWithIgnoreCase(type, "application/dtmf"u8))
        {
            return TryDigit(body.Trim(" \t\r\n"u8), out digit);
        }

        return false;
    }

    /// <summary>Reads the Signal= line of an application/dtmf-relay body.</summary>
    public static bool TryReadRelay(ReadOnlySpan<byte> body, out char digit)
    {
        digit = '\0';
        while (!body.IsEmpty)
        {
            int end = body.IndexOf((byte)'\n');
            var line = (end < 0 ? body : body[..end]).Trim(" \t\r"u8);
            body = end < 0 ? default : body[(end + 1)..];
            int eq = line.IndexOf((byte)'=');
            if (eq > 0 && StartsWithIgnoreCase(line[..eq].Trim(" \t"u8), "signal"u8) && line[..eq].Trim(" \t"u8).Length == 6)
            {
                return TryDigit(line[(eq + 1)..].Trim(" \t"u8), out digit);
            }
        }

        return false;
    }

    private static bool TryDigit(ReadOnlySpan<byte> value, out char digit)
    {
        digit = '\0';
        if (value.SequenceEqual("10"u8))
        {
            digit = '*';
            return true;
        }

        if (value.SequenceEqual("11"u8))
        {
            digit = '#';
            return true;
        }

        if (value.Length != 1)
        {
            return false;
        }

        char c = char.ToUpperInvariant((char)value[0]);
        if (c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D'))
        {
            digit = c;
            return true;
        }

        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> prefix)
    {
        if (value.Length < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if ((value[i] | 0x20) != (prefix[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
