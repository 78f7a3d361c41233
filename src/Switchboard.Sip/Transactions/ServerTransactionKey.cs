using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3 server transaction key: top Via branch (with the magic cookie), sent-by and method, where ACK
/// counts as INVITE. Slices point into the message (lookups) or the transaction's own copy (stored keys).
/// </summary>
internal readonly struct ServerTransactionKey : IEquatable<ServerTransactionKey>
{
    private readonly int _hash;

    public ServerTransactionKey(ReadOnlyMemory<byte> branch, ReadOnlyMemory<byte> host, int port, SipMethod method, ReadOnlyMemory<byte> methodBytes)
    {
        Branch = branch;
        Host = host;
        Port = port;
        Method = method;
        MethodBytes = method == SipMethod.Unknown ? methodBytes : default;
        var h = new HashCode();
        h.AddBytes(branch.Span);
        h.Add(port);
        h.Add((byte)method);
        if (method == SipMethod.Unknown)
        {
            h.AddBytes(methodBytes.Span);
        }

        _hash = h.ToHashCode();
    }

    public ReadOnlyMemory<byte> Branch { get; }

    public ReadOnlyMemory<byte> Host { get; }

    public int Port { get; }

    public SipMethod Method { get; }

    public ReadOnlyMemory<byte> MethodBytes { get; }

    /// <summary>Total bytes <see cref="CopyTo"/> needs.</summary>
    public int CopyLength => Branch.Length + Host.Length + MethodBytes.Length;

    /// <summary>A key with the same value whose slices point into <paramref name="storage"/>.</summary>
    public ServerTransactionKey CopyTo(Memory<byte> storage)
    {
        Span<byte> s = storage.Span;
        Branch.Span.CopyTo(s);
        Host.Span.CopyTo(s[Branch.Length..]);
        MethodBytes.Span.CopyTo(s[(Branch.Length + Host.Length)..]);
        return new ServerTransactionKey(
            storage[..Branch.Length],
            storage.Slice(Branch.Length, Host.Length),
            Port,
            Method,
            storage.Slice(Branch.Length + Host.Length, MethodBytes.Length));
    }

    public bool Equals(ServerTransactionKey other)
        => _hash == other._hash
            && Port == other.Port
            && Method == other.Method
            && Branch.Span.SequenceEqual(other.Branch.Span)
            && SipAscii.EqualsIgnoreCase(Host.Span, other.Host.Span)
            && MethodBytes.Span.SequenceEqual(other.MethodBytes.Span);

    public override bool Equals(object? obj) => obj is ServerTransactionKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
