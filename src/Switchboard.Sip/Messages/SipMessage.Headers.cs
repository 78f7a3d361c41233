using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>Typed, lazily parsed accessors for the common headers.</summary>
public sealed partial class SipMessage
{
    /// <summary>The first (topmost) Via value.</summary>
    public bool TryGetTopVia(out SipVia via)
    {
        SipHeaderValues values = GetValues(SipHeaderId.Via);
        if (values.MoveNext())
        {
            return SipVia.TryParse(values.Current, out via);
        }

        via = default;
        return false;
    }

    /// <summary>The CSeq header (first line).</summary>
    public bool TryGetCSeq(out SipCSeq cseq)
    {
        if (TryGetHeader(SipHeaderId.CSeq, out ReadOnlyMemory<byte> v))
        {
            return SipCSeq.TryParse(v, out cseq);
        }

        cseq = default;
        return false;
    }

    /// <summary>The Call-ID value (trimmed), empty when absent.</summary>
    public ReadOnlyMemory<byte> CallId => TryGetHeader(SipHeaderId.CallId, out ReadOnlyMemory<byte> v) ? v : default;

    /// <summary>The From header.</summary>
    public bool TryGetFrom(out SipNameAddr from) => TryGetNameAddr(SipHeaderId.From, out from);

    /// <summary>The To header.</summary>
    public bool TryGetTo(out SipNameAddr to) => TryGetNameAddr(SipHeaderId.To, out to);

    /// <summary>First value of a single name-addr header (From, To, Refer-To, Referred-By...).</summary>
    public bool TryGetNameAddr(SipHeaderId id, out SipNameAddr value)
    {
        if (TryGetHeader(id, out ReadOnlyMemory<byte> v))
        {
            return SipNameAddr.TryParse(v, out value);
        }

        value = default;
        return false;
    }

    /// <summary>The Event header (RFC 6665).</summary>
    public bool TryGetEvent(out SipEvent value)
    {
        if (TryGetHeader(SipHeaderId.Event, out ReadOnlyMemory<byte> v))
        {
            return SipEvent.TryParse(v, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Max-Forwards (0-255); false when absent or invalid.</summary>
    public bool TryGetMaxForwards(out int maxForwards) => TryGetNumber(SipHeaderId.MaxForwards, 255, out maxForwards);

    /// <summary>Expires header in seconds; false when absent or invalid.</summary>
    public bool TryGetExpires(out int expires) => TryGetNumber(SipHeaderId.Expires, int.MaxValue, out expires);

    /// <summary>A header whose value is one non-negative decimal not above <paramref name="max"/>.</summary>
    public bool TryGetNumber(SipHeaderId id, uint max, out int value)
    {
        value = 0;
        if (!TryGetHeader(id, out ReadOnlyMemory<byte> v) || !SipAscii.TryParseBounded(SipAscii.TrimLws(v.Span), max, out uint n))
        {
            return false;
        }

        value = (int)n;
        return true;
    }

    /// <summary>The Content-Type media type without parameters, empty when absent (e.g. <c>application/sdp</c>).</summary>
    public ReadOnlyMemory<byte> ContentType
    {
        get
        {
            if (!TryGetHeader(SipHeaderId.ContentType, out ReadOnlyMemory<byte> v))
            {
                return default;
            }

            int semi = v.Span.IndexOf((byte)';');
            ReadOnlyMemory<byte> type = semi < 0 ? v : v[..semi];
            (int start, int length) = SipAscii.TrimLwsRange(type.Span);
            return type.Slice(start, length);
        }
    }

    /// <summary>True when an option tag appears in Require/Proxy-Require/Supported (case-insensitive).</summary>
    public bool HasOptionTag(SipHeaderId header, ReadOnlySpan<byte> tag)
    {
        foreach (ReadOnlyMemory<byte> v in GetValues(header))
        {
            if (SipAscii.EqualsIgnoreCase(v.Span, tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the Allow header lists <paramref name="method"/>.</summary>
    public bool Allows(ReadOnlySpan<byte> method)
    {
        foreach (ReadOnlyMemory<byte> v in GetValues(SipHeaderId.Allow))
        {
            if (v.Span.SequenceEqual(method))
            {
                return true;
            }
        }

        return false;
    }
}
