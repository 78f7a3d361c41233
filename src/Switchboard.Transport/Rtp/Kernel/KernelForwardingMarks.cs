namespace Switchboard.Transport.Rtp.Kernel;

/// <summary>
/// The direction ids (the low 16 bits of <see cref="KernelForwardingScript.MarkPrefix"/> marks) in use, handed out
/// round-robin so a freed id is the last to be reused. Not thread-safe: the owner locks.
/// </summary>
internal sealed class KernelForwardingMarks
{
    private readonly bool[] _used = new bool[KernelForwardingScript.MaxId + 1];
    private int _next = 1;

    /// <summary>A free id, or 0 when all are taken.</summary>
    public int Allocate()
    {
        for (int i = 0; i < KernelForwardingScript.MaxId; i++)
        {
            int id = _next;
            _next = _next == KernelForwardingScript.MaxId ? 1 : _next + 1;
            if (!_used[id])
            {
                _used[id] = true;
                return id;
            }
        }

        return 0;
    }

    public void Free(int id)
    {
        if (id > 0)
        {
            _used[id] = false;
        }
    }
}
