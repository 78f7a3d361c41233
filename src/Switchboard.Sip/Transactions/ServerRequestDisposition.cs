namespace Switchboard.Sip.Transactions;

/// <summary>What <see cref="TransactionLayer.OnRequest"/> did with a request.</summary>
public enum ServerRequestDisposition : byte
{
    /// <summary>A new server transaction was created; the TU must answer it.</summary>
    New,

    /// <summary>
    /// A retransmission (the last response was re-sent, or nothing was to be sent yet), or an ACK for a non-2xx
    /// final response (absorbed in Completed/Confirmed). Nothing for the TU to do.
    /// </summary>
    Absorbed,

    /// <summary>
    /// An ACK the TU must handle: the ACK for a 2xx (its own transaction per RFC 3261, or one matching an INVITE
    /// server transaction in the RFC 6026 Accepted state). <see cref="ServerRequestResult.Transaction"/> is that
    /// INVITE transaction when one matched, else null.
    /// </summary>
    Ack,

    /// <summary>The request lacks a parsable top Via or CSeq; drop it (validation should have caught it).</summary>
    Invalid,
}
