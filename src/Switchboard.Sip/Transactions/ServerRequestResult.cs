namespace Switchboard.Sip.Transactions;

/// <summary>Result of <see cref="TransactionLayer.OnRequest"/>.</summary>
public readonly record struct ServerRequestResult(ServerRequestDisposition Disposition, ServerTransaction? Transaction)
{
    /// <summary>True when a new transaction was created (then <see cref="Transaction"/> is not null).</summary>
    public bool IsNew => Disposition == ServerRequestDisposition.New;
}
