namespace Switchboard.Media.Dtmf;

/// <summary>RFC 4733 §3.2 event codes for DTMF: 0-9, * = 10, # = 11, A-D = 12-15, flash = 16 ('!' as Asterisk writes it).</summary>
public static class DtmfDigits
{
    private const string Digits = "0123456789*#ABCD!";

    public static bool TryGetDigit(int eventCode, out char digit)
    {
        if ((uint)eventCode < (uint)Digits.Length)
        {
            digit = Digits[eventCode];
            return true;
        }

        digit = '\0';
        return false;
    }

    public static bool TryGetEvent(char digit, out byte eventCode)
    {
        int index = Digits.IndexOf(char.ToUpperInvariant(digit));
        if (index < 0)
        {
            eventCode = 0;
            return false;
        }

        eventCode = (byte)index;
        return true;
    }

    public static bool IsDigit(char c) => Digits.Contains(char.ToUpperInvariant(c));
}
