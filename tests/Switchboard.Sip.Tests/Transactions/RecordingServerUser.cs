using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>Records server transaction failures.</summary>
internal sealed class RecordingServerUser : IServerTransactionUser
{
    public List<TransactionFailure> Failures { get; } = [];

    public void OnFailure(ServerTransaction transaction, TransactionFailure failure) => Failures.Add(failure);
}
