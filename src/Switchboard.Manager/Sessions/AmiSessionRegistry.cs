using System.Collections.Concurrent;

namespace Switchboard.Manager.Sessions;

/// <summary>The open AMI sessions (for event fan-out, limits and <c>manager show connected</c>).</summary>
internal sealed class AmiSessionRegistry
{
    private readonly ConcurrentDictionary<int, AmiSession> _sessions = new();
    private int _nextId;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public int Count => _sessions.Count;

    public int UnauthenticatedCount
    {
        get
        {
            int n = 0;
            foreach (var s in _sessions.Values)
            {
                if (!s.IsAuthenticated)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public ICollection<AmiSession> All => _sessions.Values;

    public void Add(AmiSession session) => _sessions[session.Id] = session;

    public void Remove(AmiSession session) => _sessions.TryRemove(session.Id, out _);
}
