using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Dialogs;

/// <summary>The TU's observer of a dialog (set <see cref="Dialog.User"/>). Called on the timing-wheel thread.</summary>
public interface IDialogUser
{
    /// <summary>
    /// RFC 3261 §13.3.1.4: the 2xx to an INVITE was retransmitted for 64*T1 without an ACK (<see cref="TransactionFailure.Timeout"/>)
    /// or could not be sent (<see cref="TransactionFailure.TransportError"/>). The dialog stays confirmed; the TU
    /// should end the session with BYE.
    /// </summary>
    void OnAckNotReceived(Dialog dialog, TransactionFailure failure);
}
