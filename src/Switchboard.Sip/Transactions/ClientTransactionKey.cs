using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 §17.1.3 client transaction key: the branch of our top Via and the CSeq method.</summary>
internal readonly struct ClientTransactionKey : IEquatable<ClientTransactionKey>
{
    private readonly int _hash;

    public ClientTransactionKey(ReadOnlyMemory<byte> branch, SipMethod method, ReadOnlyMemory<byte> methodBytes)
    {
        Branch = branch;
        Method = method;
        MethodBytes = method == SipMethod.Unknown ? methodBytes : default;
        var h = new HashCode();
        h.AddBytes(branch.Span);
        h.Add((byte)method);
        if (method == SipMethod.Unknown)
        {
            h.AddBytes(methodBytes.Span);
        }

        _hash = h.ToHashCode();
    }

    public ReadOnlyMemory<byte> Branch { get; }

    public SipMethod Method { get; }

    public ReadOnlyMemory<byte> MethodBytes { get; }

    public bool Equals(ClientTransactionKey other)
        => _hash == other._hash
            && Method == other.Method
            && Branch.Span.SequenceEqual(other.Branch.Span)
            && MethodBytes.Span.SequenceEqual(other.MethodBytes.Span);

    public override bool Equals(object? obj) => obj is ClientTransactionKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
