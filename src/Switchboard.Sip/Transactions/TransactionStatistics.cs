namespace Switchboard.Sip.Transactions;

/// <summary>Thread-safe counters behind <see cref="TransactionCounters"/>.</summary>
internal sealed class TransactionStatistics
{
    private long _activeServer;
    private long _activeClient;
    private long _serverCreated;
    private long _clientCreated;
    private long _retransmissionsSent;
    private long _retransmissionsReceived;
    private long _timeouts;
    private long _transportErrors;
    private long _stray;
    private long _invitesProceeding;

    /// <summary>INVITE server transactions that have sent no final response yet.</summary>
    public long InvitesProceeding => Volatile.Read(ref _invitesProceeding);

    public void InviteEnteredProceeding() => Interlocked.Increment(ref _invitesProceeding);

    public void InviteLeftProceeding() => Interlocked.Decrement(ref _invitesProceeding);

    public void ServerCreated()
    {
        Interlocked.Increment(ref _activeServer);
        Interlocked.Increment(ref _serverCreated);
    }

    public void ServerEnded() => Interlocked.Decrement(ref _activeServer);

    public void ClientCreated()
    {
        Interlocked.Increment(ref _activeClient);
        Interlocked.Increment(ref _clientCreated);
    }

    public void ClientEnded() => Interlocked.Decrement(ref _activeClient);

    public void RetransmissionSent() => Interlocked.Increment(ref _retransmissionsSent);

    public void RetransmissionReceived() => Interlocked.Increment(ref _retransmissionsReceived);

    public void Failure(TransactionFailure failure)
    {
        if (failure == TransactionFailure.TransportError)
        {
            Interlocked.Increment(ref _transportErrors);
        }
        else
        {
            Interlocked.Increment(ref _timeouts);
        }
    }

    public void Stray() => Interlocked.Increment(ref _stray);

    public TransactionCounters Snapshot() => new(
        Interlocked.Read(ref _activeServer),
        Interlocked.Read(ref _activeClient),
        Interlocked.Read(ref _serverCreated),
        Interlocked.Read(ref _clientCreated),
        Interlocked.Read(ref _retransmissionsSent),
        Interlocked.Read(ref _retransmissionsReceived),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _transportErrors),
        Interlocked.Read(ref _stray));
}
