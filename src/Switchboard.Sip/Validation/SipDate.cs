using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Validation;

/// <summary>SIP-date (RFC 3261 §25.1 = RFC 1123 date in GMT): <c>Sat, 13 Nov 2010 23:29:00 GMT</c>.</summary>
internal static class SipDate
{
    public static bool IsValid(ReadOnlySpan<byte> s)
    {
        s = SipAscii.TrimLws(s);
        if (s.Length != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' '
            || s[19] != ':' || s[22] != ':' || s[25] != ' ' || !s[26..].SequenceEqual("GMT"u8))
        {
            return false;
        }

        return IsOneOf(s[..3], "MonTueWedThuFriSatSun"u8) && IsOneOf(s[8..11], "JanFebMarAprMayJunJulAugSepOctNovDec"u8)
            && Digits(s[5..7], 1, 31) && Digits(s[12..16], 0, 9999) && Digits(s[17..19], 0, 23)
            && Digits(s[20..22], 0, 59) && Digits(s[23..25], 0, 60);
    }

    private static bool IsOneOf(ReadOnlySpan<byte> three, ReadOnlySpan<byte> list)
    {
        for (int i = 0; i + 3 <= list.Length; i += 3)
        {
            if (three.SequenceEqual(list.Slice(i, 3)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Digits(ReadOnlySpan<byte> s, uint min, uint max)
        => SipAscii.TryParseBounded(s, max, out uint v) && v >= min;
}
