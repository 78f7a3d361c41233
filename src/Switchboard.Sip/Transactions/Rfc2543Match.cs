namespace Switchboard.Sip.Transactions;

/// <summary>
/// Matching data of a server transaction created by an RFC 2543 request (no magic cookie); kept apart so
/// ordinary transactions do not carry it. The key's slices point into the transaction's request copy.
/// </summary>
internal sealed class Rfc2543Match(Rfc2543TransactionKey key, ReadOnlyMemory<byte> requestToTag)
{
    public Rfc2543TransactionKey Key { get; } = key;

    /// <summary>The To tag of the request (empty for an initial INVITE).</summary>
    public ReadOnlyMemory<byte> RequestToTag { get; } = requestToTag;

    /// <summary>The To tag of the last final response sent (the ACK must carry it).</summary>
    public byte[]? ResponseToTag { get; set; }
}
