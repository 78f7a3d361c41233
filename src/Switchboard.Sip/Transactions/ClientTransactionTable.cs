namespace Switchboard.Sip.Transactions;

/// <summary>Client transactions by branch and method, under one lock.</summary>
internal sealed class ClientTransactionTable
{
    private readonly Dictionary<ClientTransactionKey, ClientTransaction> _byKey = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public ClientTransaction? Find(in ClientTransactionKey key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out ClientTransaction? tx) ? tx : null;
        }
    }

    public bool TryAdd(ClientTransaction tx)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(tx.Key, out ClientTransaction? existing) && existing.State != TransactionState.Terminated)
            {
                return false;
            }

            // Remove first: the dictionary keeps the key instance, whose bytes belong to the old transaction.
            _byKey.Remove(tx.Key);
            _byKey.Add(tx.Key, tx);
            return true;
        }
    }

    public bool Remove(ClientTransaction tx)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(tx.Key, out ClientTransaction? current) && ReferenceEquals(current, tx))
            {
                return _byKey.Remove(tx.Key);
            }

            return false;
        }
    }
}
