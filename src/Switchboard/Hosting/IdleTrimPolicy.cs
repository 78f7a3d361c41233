namespace Switchboard.Hosting;

/// <summary>
/// When to give memory back after a burst of load: the GC collects only when something allocates, so a PBX that
/// falls quiet after a load step keeps the garbage of the step (hundreds of MB after a call storm) for as long as
/// it stays quiet. Sampled every <see cref="Interval"/>: a sample that allocated more than
/// <see cref="BusyBytesPerSample"/> marks the process busy; the first quiet sample after a busy one asks for a
/// trim when the resident size (managed heap and the native arenas the sockets and threads grew) is more than
/// <see cref="SlackBytes"/> above what it was after the last trim (or at start).
/// What the load left pending (finished SIP transactions stay 32 s for retransmissions) is garbage only later:
/// when a trim found some, one follow-up trim comes on the first quiet sample after all but a sixteenth of them
/// are gone (an idle PBX always has a few: qualify OPTIONS, registrations). Never while
/// busy (a full blocking collection then would stall calls), at most twice per quiet period.
/// </summary>
internal sealed class IdleTrimPolicy
{
    private long _lastAllocated;
    private bool _busySinceTrim;
    private long _residentAfterTrim;
    private bool _followUp;
    private long _pendingAtTrim;

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
    /// One sample: total bytes allocated so far, the resident size and how many pieces of work the load
    /// left pending (live transactions). True = trim now.
    /// </summary>
    public bool Sample(long totalAllocated, long residentBytes, long pending)
    {
        long delta = totalAllocated - _lastAllocated;
        _lastAllocated = totalAllocated;
        if (delta > BusyBytesPerSample)
        {
            _busySinceTrim = true;
            _followUp = false;
            return false;
        }

        if (_followUp)
        {
            _followUp = pending > _pendingAtTrim / 16;
            return !_followUp;
        }

        return _busySinceTrim && residentBytes > _residentAfterTrim + SlackBytes;
    }

    /// <summary>Records the outcome of a trim: the resident size after it and the pending work it could not free.</summary>
    public void Trimmed(long totalAllocated, long residentBytes, long pending)
    {
        _followUp = _busySinceTrim && pending >= 16;
        _pendingAtTrim = pending;
        _busySinceTrim = false;
        _lastAllocated = totalAllocated;
        _residentAfterTrim = residentBytes;
    }
}
