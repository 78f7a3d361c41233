namespace Switchboard.Sip.Transactions;

/// <summary>Server transactions by RFC 3261 key and by the RFC 2543 fallback key, under one lock.</summary>
internal sealed class ServerTransactionTable
{
    private readonly Dictionary<ServerTransactionKey, ServerTransaction> _byKey = new();
    private readonly Dictionary<Rfc2543TransactionKey, ServerTransaction> _by2543 = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count + _by2543.Count;
            }
        }
    }

    public ServerTransaction? Find(in ServerTransactionKey key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out ServerTransaction? tx) ? tx : null;
        }
    }

    public ServerTransaction? Find(in Rfc2543TransactionKey key)
    {
        lock (_gate)
        {
            return _by2543.TryGetValue(key, out ServerTransaction? tx) ? tx : null;
        }
    }

    /// <summary>
    /// Adds <paramref name="tx"/> unless a live transaction has the key (then returns that one). A terminated
    /// holder of the key is replaced.
    /// </summary>
    public ServerTransaction? TryAdd(ServerTransaction tx)
    {
        lock (_gate)
        {
            if (tx.IsRfc2543)
            {
                if (_by2543.TryGetValue(tx.Key2543, out ServerTransaction? existing) && existing.State != TransactionState.Terminated)
                {
                    return existing;
                }

                // Remove first: the dictionary keeps the key instance, whose bytes belong to the old transaction.
                _by2543.Remove(tx.Key2543);
                _by2543.Add(tx.Key2543, tx);
                return null;
            }

            if (_byKey.TryGetValue(tx.Key, out ServerTransaction? other) && other.State != TransactionState.Terminated)
            {
                return other;
            }

            _byKey.Remove(tx.Key);
            _byKey.Add(tx.Key, tx);
            return null;
        }
    }

    /// <summary>Removes <paramref name="tx"/> if it still holds its key.</summary>
    public bool Remove(ServerTransaction tx)
    {
        lock (_gate)
        {
            if (tx.IsRfc2543)
            {
                if (_by2543.TryGetValue(tx.Key2543, out ServerTransaction? held) && ReferenceEquals(held, tx))
                {
                    return _by2543.Remove(tx.Key2543);
                }

                return false;
            }

            if (_byKey.TryGetValue(tx.Key, out ServerTransaction? current) && ReferenceEquals(current, tx))
            {
                return _byKey.Remove(tx.Key);
            }

            return false;
        }
    }
}
