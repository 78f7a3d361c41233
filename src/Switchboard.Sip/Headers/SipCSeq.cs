using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Headers;

/// <summary>CSeq value (RFC 3261 §20.16): a 32-bit sequence number and a method.</summary>
public readonly struct SipCSeq
{
    /// <summary>The sequence number (fits in 32 bits unsigned).</summary>
    public uint Number { get; init; }

    /// <summary>The method, Unknown for extension methods.</summary>
    public SipMethod Method { get; init; }

    /// <summary>The method token as written.</summary>
    public ReadOnlyMemory<byte> MethodBytes { get; init; }

    /// <summary>Parses <c>1*DIGIT LWS Method</c>.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipCSeq cseq)
    {
        cseq = default;
        ReadOnlySpan<byte> s = value.Span;
        int i = SipAscii.SkipLws(s, 0);
        int ns = i;
        while (i < s.Length && SipAscii.IsDigit(s[i]))
        {
            i++;
        }

        if (!SipAscii.TryParseBounded(s[ns..i], uint.MaxValue, out uint number))
        {
            return false;
        }

        int ms = SipAscii.SkipLws(s, i);
        if (ms == i)
        {
            return false;
        }

        int me = ms;
        while (me < s.Length && SipAscii.IsToken(s[me]))
        {
            me++;
        }

        if (me == ms || SipAscii.SkipLws(s, me) != s.Length)
        {
            return false;
        }

        cseq = new SipCSeq { Number = number, Method = SipMethods.Parse(s[ms..me]), MethodBytes = value[ms..me] };
        return true;
    }

    /// <summary>True when the CSeq method equals the given request method token (case-sensitive).</summary>
    public bool MethodEquals(ReadOnlySpan<byte> method) => MethodBytes.Span.SequenceEqual(method);
}
