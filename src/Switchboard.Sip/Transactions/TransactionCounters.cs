namespace Switchboard.Sip.Transactions;

/// <summary>A snapshot of the transaction layer's counters (for the CLI and metrics).</summary>
public readonly record struct TransactionCounters(
    long ActiveServerTransactions,
    long ActiveClientTransactions,
    long ServerTransactionsCreated,
    long ClientTransactionsCreated,
    long RetransmissionsSent,
    long RetransmissionsReceived,
    long Timeouts,
    long TransportErrors,
    long StrayResponses);
