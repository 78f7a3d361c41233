using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>User of transactions whose outcome nobody needs (the CANCEL the layer sends on the TU's behalf).</summary>
internal sealed class IgnoringClientUser : IClientTransactionUser
{
    public static IgnoringClientUser Instance { get; } = new();

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
    }

    public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
    {
    }
}
