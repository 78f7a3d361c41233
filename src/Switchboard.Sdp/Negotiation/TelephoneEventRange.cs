using System.Globalization;
using System.Text;

namespace Switchboard.Sdp.Negotiation;

/// <summary>The event list of an RFC 4733 fmtp ("0-15,66,70"), as a set of event codes 0-255.</summary>
public sealed class TelephoneEventRange
{
    private readonly bool[] _events = new bool[256];

    /// <summary>The events Switchboard understands: DTMF 0-9 * # A-D and flash (0-16).</summary>
    public static TelephoneEventRange Dtmf => Parse("0-16");

    public bool Contains(int code) => code is >= 0 and <= 255 && _events[code];

    public bool IsEmpty
    {
        get
        {
            foreach (bool b in _events)
            {
                if (b)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Parses the list; malformed items are skipped. An empty list means the RFC 4733 default 0-15.</summary>
    public static TelephoneEventRange Parse(string? text)
    {
        var range = new TelephoneEventRange();
        if (string.IsNullOrWhiteSpace(text))
        {
            for (int i = 0; i <= 15; i++)
            {
                range._events[i] = true;
            }

            return range;
        }

        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = item.IndexOf('-');
            if (dash < 0)
            {
                if (TryCode(item, out int code))
                {
                    range._events[code] = true;
                }

                continue;
            }

            if (TryCode(item[..dash], out int from) && TryCode(item[(dash + 1)..], out int to) && from <= to)
            {
                for (int i = from; i <= to; i++)
                {
                    range._events[i] = true;
                }
            }
        }

        return range;
    }

    public TelephoneEventRange Intersect(TelephoneEventRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new TelephoneEventRange();
        for (int i = 0; i < 256; i++)
        {
            result._events[i] = _events[i] && other._events[i];
        }

        return result;
    }

    /// <summary>Formats as ranges, e.g. "0-16" or "0-11,16".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < 256)
        {
            if (!_events[i])
            {
                i++;
                continue;
            }

            int start = i;
            while (i + 1 < 256 && _events[i + 1])
            {
                i++;
            }

            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(start.ToString(CultureInfo.InvariantCulture));
            if (i > start)
            {
                sb.Append('-').Append(i.ToString(CultureInfo.InvariantCulture));
            }

            i++;
        }

        return sb.ToString();
    }

    private static bool TryCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code <= 255;
}
