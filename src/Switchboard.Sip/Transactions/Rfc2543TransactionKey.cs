using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3 fallback for requests without the magic cookie (RFC 2543 peers): Request-URI, From tag,
/// Call-ID, CSeq number, CSeq method class (ACK and CANCEL count as INVITE when matching the INVITE) and the whole
/// top Via. The To tag is checked separately because the ACK carries the tag of our response.
/// </summary>
internal readonly struct Rfc2543TransactionKey : IEquatable<Rfc2543TransactionKey>
{
    private readonly int _hash;

    public Rfc2543TransactionKey(
        ReadOnlyMemory<byte> requestUri,
        ReadOnlyMemory<byte> fromTag,
        ReadOnlyMemory<byte> callId,
        uint cseq,
        SipMethod method,
        ReadOnlyMemory<byte> methodBytes,
        ReadOnlyMemory<byte> topVia)
    {
        RequestUri = requestUri;
        FromTag = fromTag;
        CallId = callId;
        CSeq = cseq;
        Method = method;
        MethodBytes = method == SipMethod.Unknown ? methodBytes : default;
        TopVia = topVia;
        var h = new HashCode();
        h.AddBytes(callId.Span);
        h.Add(cseq);
        h.Add((byte)method);
        h.AddBytes(fromTag.Span);
        _hash = h.ToHashCode();
    }

    public ReadOnlyMemory<byte> RequestUri { get; }

    public ReadOnlyMemory<byte> FromTag { get; }

    public ReadOnlyMemory<byte> CallId { get; }

    public uint CSeq { get; }

    public SipMethod Method { get; }

    public ReadOnlyMemory<byte> MethodBytes { get; }

    public ReadOnlyMemory<byte> TopVia { get; }

    public bool Equals(Rfc2543TransactionKey other)
        => _hash == other._hash
            && CSeq == other.CSeq
            && Method == other.Method
            && CallId.Span.SequenceEqual(other.CallId.Span)
            && FromTag.Span.SequenceEqual(other.FromTag.Span)
            && RequestUri.Span.SequenceEqual(other.RequestUri.Span)
            && TopVia.Span.SequenceEqual(other.TopVia.Span)
            && MethodBytes.Span.SequenceEqual(other.MethodBytes.Span);

    public override bool Equals(object? obj) => obj is Rfc2543TransactionKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
