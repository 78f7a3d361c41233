namespace Switchboard.Sip.Transactions;

/// <summary>
/// Optional observer of a server transaction (set <see cref="ServerTransaction.User"/>). Called outside the
/// transaction's lock, on the timing-wheel thread or the thread that sent the response.
/// </summary>
public interface IServerTransactionUser
{
    /// <summary>Timer H fired without an ACK, a response could not be sent, or the TU never answered.</summary>
    void OnFailure(ServerTransaction transaction, TransactionFailure failure);
}
