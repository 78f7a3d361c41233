using System.Text;
using Switchboard.Common.Media;

namespace Switchboard.Transport.Rtp.Kernel;

/// <summary>
/// One relay's two directions in <see cref="NftKernelForwarding"/>: their marks, the nft lines that add and remove
/// them, and their state, changed under a lock (the RTP thread disposing, the worker applying, the poller reading).
/// </summary>
internal sealed class KernelRelayHandle(NftKernelForwarding owner, KernelForwardRule aToB, KernelForwardRule bToA, int firstId, int secondId, Action<bool>? packetsSeen) : IKernelForwardingHandle
{
    private readonly Lock _gate = new();
    private long _seenAToB;
    private long _seenBToA;
    private bool _applied;
    private bool _refused;
    private bool _disposed;

    public int FirstId => firstId;

    public int SecondId => secondId;

    public bool Listens => packetsSeen is not null;

    /// <summary>Called by the poller with the counters it read: reports each direction whose count rose.</summary>
    public void Observe(Dictionary<int, long> counts)
    {
        if (packetsSeen is null || !IsActive)
        {
            return;
        }

        if (counts.TryGetValue(firstId, out long aToBCount) && aToBCount > _seenAToB)
        {
            _seenAToB = aToBCount;
            packetsSeen(true);
        }

        if (counts.TryGetValue(secondId, out long bToACount) && bToACount > _seenBToA)
        {
            _seenBToA = bToACount;
            packetsSeen(false);
        }
    }

    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _applied && !_disposed;
            }
        }
    }

    public bool IsRefused
    {
        get
        {
            lock (_gate)
            {
                return _refused;
            }
        }
    }

    public bool Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    public bool RemovedBeforeApplied
    {
        get
        {
            lock (_gate)
            {
                return _disposed && !_applied;
            }
        }
    }

    public string? AddLines()
    {
        var first = NftKernelForwarding.EgressAddress(aToB);
        var second = NftKernelForwarding.EgressAddress(bToA);
        if (first is null || second is null)
        {
            return null;
        }

        var script = new StringBuilder();
        KernelForwardingScript.Add(script, firstId, aToB, first);
        KernelForwardingScript.Add(script, secondId, bToA, second);
        return script.ToString();
    }

    public string RemoveLines()
    {
        var script = new StringBuilder();
        KernelForwardingScript.Remove(script, firstId, aToB);
        KernelForwardingScript.Remove(script, secondId, bToA);
        return script.ToString();
    }

    public string Describe() => $"{aToB.Source} -> :{aToB.LocalPort} / {bToA.Source} -> :{bToA.LocalPort}";

    public void Refuse()
    {
        lock (_gate)
        {
            _refused = true;
        }
    }

    /// <summary>Records that the kernel took it; false when it was disposed meanwhile (the caller removes it).</summary>
    public bool MarkApplied()
    {
        lock (_gate)
        {
            _applied = true;
            return !_disposed;
        }
    }

    public void Dispose()
    {
        bool remove;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            remove = _applied;
        }

        if (remove)
        {
            owner.Remove(this);
        }
    }
}
