using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The transaction user of a client transaction. Calls come outside the transaction's lock: responses on the
/// thread that called <see cref="TransactionLayer.OnResponse"/>, failures on the timing-wheel thread. Keep them
/// short (post real work to the call's serializer).
/// </summary>
public interface IClientTransactionUser
{
    /// <summary>
    /// A response for the transaction: every provisional, the final one, and (INVITE, RFC 6026 Accepted state)
    /// every further 2xx, including retransmissions and 2xx from other forks. Retransmitted non-2xx finals are
    /// absorbed (the transaction re-sends the ACK). <paramref name="response"/> is valid only during the call;
    /// <see cref="SipMessage.Detach"/> it to keep it.
    /// </summary>
    void OnResponse(ClientTransaction transaction, SipMessage response);

    /// <summary>The transaction ended without a final response (timeout or transport error).</summary>
    void OnFailure(ClientTransaction transaction, TransactionFailure failure);
}
