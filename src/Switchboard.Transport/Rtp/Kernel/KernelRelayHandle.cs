using System.Text;
using Switchboard.Common.Media;

namespace Switchboard.Transport.Rtp.Kernel;

/// <summary>
/// One relay's two directions in <see cref="NftKernelForwarding"/>: their marks, the nft lines that add and remove
/// them, and their state: one flags word set atomically (the RTP thread disposing, the worker applying, the poller
/// reading).
/// </summary>
internal sealed class KernelRelayHandle(NftKernelForwarding owner, KernelForwardRule aToB, KernelForwardRule bToA, int firstId, int secondId, Action<bool>? packetsSeen) : IKernelForwardingHandle
{
    private const int AppliedFlag = 1;
    private const int RefusedFlag = 2;
    private const int DisposedFlag = 4;

    private int _state;
    private long _seenAToB;
    private long _seenBToA;

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

    /// <summary>Read on the RTP thread for packets that still reach the process: one volatile read, no lock.</summary>
    public bool IsActive => (Volatile.Read(ref _state) & (AppliedFlag | DisposedFlag)) == AppliedFlag;

    public bool IsRefused => (Volatile.Read(ref _state) & RefusedFlag) != 0;

    public bool Applied => (Volatile.Read(ref _state) & AppliedFlag) != 0;

    public bool RemovedBeforeApplied => (Volatile.Read(ref _state) & (AppliedFlag | DisposedFlag)) == DisposedFlag;

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

    public void Refuse() => Interlocked.Or(ref _state, RefusedFlag);

    /// <summary>
    /// Records that the kernel took it; false when it was disposed meanwhile (the caller removes it). With
    /// <see cref="Dispose"/> setting its flag the same way, exactly one of the two sees the other's flag: the removal
    /// is queued once.
    /// </summary>
    public bool MarkApplied() => (Interlocked.Or(ref _state, AppliedFlag) & DisposedFlag) == 0;

    public void Dispose()
    {
        int before = Interlocked.Or(ref _state, DisposedFlag);
        if ((before & (DisposedFlag | AppliedFlag)) == AppliedFlag)
        {
            owner.Remove(this);
        }
    }
}
