namespace Switchboard.Hosting;

/// <summary>
/// When to give memory back after a burst of load: the GC collects only when something allocates, so a PBX that
/// falls quiet after a load step keeps the garbage of the step (hundreds of MB after a call storm) for as long as
/// it stays quiet. Sampled every <see cref="Interval"/>: a sample that allocated more than
/// <see cref="BusyBytesPerSample"/> marks the process busy; the first quiet sample after a busy one asks for a
/// trim when the resident size (managed heap and the native arenas the sockets and threads grew) is more than
/// <see cref="SlackBytes"/> above what it was after the last trim (or at start).
/// What a trim found alive (held calls, finished SIP transactions that stay 32 s for retransmissions) is garbage
/// only later, without any allocation to trigger a collection: once all but a sixteenth of that activity has
/// ended, the next quiet sample trims again. Never while busy (a full blocking collection would stall calls).
/// </summary>
internal sealed class IdleTrimPolicy
{
    private long _lastAllocated;
    private bool _busySinceTrim;
    private long _residentAfterTrim;
    private long _activityAtTrim;

    /// <summary>Activity below which its end is not worth a trim of its own (an idle PBX has some: qualify, registrations).</summary>
    private const long ActivityFloor = 256;

    public IdleTrimPolicy(long startAllocated, long residentBytes)
    {
        _lastAllocated = startAllocated;
        _residentAfterTrim = residentBytes;
    }

    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Allocation in one sample above which the process counts as busy (100 KB/s; an idle PBX allocates far less).</summary>
    public long BusyBytesPerSample { get; init; } = 1024 * 1024;

    /// <summary>Resident size above the last trimmed figure that is worth a collection.</summary>
    public long SlackBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// One sample: total bytes allocated so far, the resident size and the activity (live transactions and
    /// channels, what a load leaves alive for a while after it). True = trim now.
    /// </summary>
    public bool Sample(long totalAllocated, long residentBytes, long activity)
    {
        long delta = totalAllocated - _lastAllocated;
        _lastAllocated = totalAllocated;
        if (delta > BusyBytesPerSample)
        {
            _busySinceTrim = true;
            return false;
        }

        if (_busySinceTrim && residentBytes > _residentAfterTrim + SlackBytes)
        {
            return true;
        }

        // What was alive at the last trim (held calls, finished transactions waiting out Timer J/K/L/M) has ended.
        return _activityAtTrim >= ActivityFloor && activity <= _activityAtTrim / 16;
    }

    /// <summary>Records the outcome of a trim: the resident size after it and the activity still alive.</summary>
    public void Trimmed(long totalAllocated, long residentBytes, long activity)
    {
        _activityAtTrim = activity;
        _busySinceTrim = false;
        _lastAllocated = totalAllocated;
        _residentAfterTrim = residentBytes;
    }
}
