namespace Switchboard.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 transaction machines, with RFC 6026 Accepted.</summary>
public enum TransactionState : byte
{
    /// <summary>INVITE client: request sent, nothing received yet.</summary>
    Calling,

    /// <summary>Non-INVITE client or server: request sent/received, no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,

    /// <summary>RFC 6026: a 2xx to INVITE was received (client) or sent (server).</summary>
    Accepted,

    /// <summary>A final (non-2xx for INVITE) response was received (client) or sent (server).</summary>
    Completed,

    /// <summary>INVITE server: the ACK for the non-2xx final response arrived.</summary>
    Confirmed,

    /// <summary>Finished; the transaction no longer matches messages.</summary>
    Terminated,
}
