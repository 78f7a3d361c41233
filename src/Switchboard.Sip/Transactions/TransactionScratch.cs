using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>A per-thread buffer for building short messages (100 Trying, ACK, CANCEL) before they are copied.</summary>
internal static class TransactionScratch
{
    [ThreadStatic]
    private static PooledBufferWriter? t_writer;

    /// <summary>The calling thread's writer, cleared. Copy what it holds before the next call on this thread.</summary>
    public static PooledBufferWriter Get()
    {
        PooledBufferWriter w = t_writer ??= new PooledBufferWriter();
        w.Clear();
        return w;
    }
}
