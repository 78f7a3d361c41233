namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// Measures how long a work item waits for a thread-pool thread: the receive loops, the per-call serializers and the
/// timers all run there, so this wait is what every new request waits before it is handled. One probe is in flight at
/// a time; a probe that has not run yet counts with its age, so a stalled pool is seen without waiting for it.
/// </summary>
internal sealed class ThreadPoolDelayProbe(TimeProvider time) : IThreadPoolWorkItem
{
    private long _queuedAt;
    private long _lastDelay;
    private int _outstanding;

    /// <summary>The current wait (the outstanding probe's age or the last measured wait); queues the next probe.</summary>
    public TimeSpan Measure()
    {
        long now = time.GetTimestamp();
        var last = TimeSpan.FromTicks(Volatile.Read(ref _lastDelay));
        if (Volatile.Read(ref _outstanding) != 0)
        {
            var age = time.GetElapsedTime(Volatile.Read(ref _queuedAt), now);
            return age > last ? age : last;
        }

        Volatile.Write(ref _queuedAt, now);
        Volatile.Write(ref _outstanding, 1);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return last;
    }

    public void Execute()
    {
        var waited = time.GetElapsedTime(Volatile.Read(ref _queuedAt));
        Volatile.Write(ref _lastDelay, waited.Ticks);
        Volatile.Write(ref _outstanding, 0);
    }
}
