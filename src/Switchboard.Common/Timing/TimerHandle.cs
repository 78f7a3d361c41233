namespace Switchboard.Common.Timing;

/// <summary>Handle to one scheduled timer entry; cancels it if it has not fired yet.</summary>
public readonly struct TimerHandle
{
    private readonly TimerEntry? _entry;

    internal TimerHandle(TimerEntry entry) => _entry = entry;

    /// <summary>True while the entry is scheduled and neither fired nor cancelled.</summary>
    public bool IsActive => _entry is { State: TimerEntryState.Scheduled };

    /// <summary>Cancels the timer. Returns false when it already fired or was cancelled.</summary>
    public bool Cancel() => _entry is not null && _entry.Owner.Cancel(_entry);
}
