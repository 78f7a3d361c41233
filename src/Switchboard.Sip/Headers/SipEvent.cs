using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>Event / Allow-Events value (RFC 6665 §8.2.1): <c>package[.template] *(;param)</c>, with the id parameter.</summary>
public readonly struct SipEvent
{
    /// <summary>The event type (e.g. <c>presence</c>, <c>message-summary</c>, <c>refer</c>).</summary>
    public ReadOnlyMemory<byte> Package { get; init; }

    /// <summary>The id parameter (empty when absent).</summary>
    public ReadOnlyMemory<byte> Id { get; init; }

    /// <summary>All parameters starting at the first ';'.</summary>
    public ReadOnlyMemory<byte> Parameters { get; init; }

    /// <summary>Parses an Event value.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipEvent result)
    {
        result = default;
        ReadOnlySpan<byte> s = value.Span;
        int start = SipAscii.SkipLws(s, 0);
        int i = start;
        while (i < s.Length && SipAscii.IsToken(s[i]))
        {
            i++;
        }

        if (i == start)
        {
            return false;
        }

        int end = s.Length;
        while (end > i && SipAscii.IsLws(s[end - 1]))
        {
            end--;
        }

        ReadOnlyMemory<byte> parms = value[SipAscii.SkipLws(s[..end], i)..end];
        if (!SipParameters.IsWellFormed(parms.Span))
        {
            return false;
        }

        SipParameters.TryGet(parms, "id"u8, out ReadOnlyMemory<byte> id);
        result = new SipEvent { Package = value[start..i], Id = id, Parameters = parms };
        return true;
    }
}
