namespace Switchboard.Sip.Transactions;

/// <summary>Why a transaction ended without the normal outcome.</summary>
public enum TransactionFailure : byte
{
    /// <summary>
    /// Client: Timer B/F fired without a final response (treat as 408, RFC 3261 §8.1.3.1), or no final response
    /// came within 64*T1 after a CANCEL (§9.1). Server: Timer H fired without the ACK for a non-2xx final response.
    /// </summary>
    Timeout,

    /// <summary>The transport failed to send (treat as 503 on the client side, RFC 3261 §8.1.3.1).</summary>
    TransportError,

    /// <summary>Server: the TU sent no final response within the configured limit; the transaction was dropped.</summary>
    NotAnswered,
}
