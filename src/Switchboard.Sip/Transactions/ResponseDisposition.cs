namespace Switchboard.Sip.Transactions;

/// <summary>What <see cref="TransactionLayer.OnResponse"/> did with a response.</summary>
public enum ResponseDisposition : byte
{
    /// <summary>Matched a client transaction and was passed to its user.</summary>
    Delivered,

    /// <summary>Matched a client transaction and was absorbed (e.g. a retransmitted non-2xx final; the ACK was re-sent).</summary>
    Absorbed,

    /// <summary>
    /// Matched no transaction. The TU decides: a stray 2xx to an INVITE (e.g. a late fork after Timer M) must
    /// still be ACKed (and usually followed by BYE) by the dialog layer; others are dropped.
    /// </summary>
    Stray,

    /// <summary>No parsable top Via or CSeq; dropped.</summary>
    Invalid,
}
