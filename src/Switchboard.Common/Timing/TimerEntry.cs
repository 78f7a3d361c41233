namespace Switchboard.Common.Timing;

internal enum TimerEntryState
{
    Scheduled,
    Fired,
    Cancelled,
}

/// <summary>One callback due at an absolute wheel tick; linked into its slot's list.</summary>
internal sealed class TimerEntry
{
    public TimerEntry(TimingWheel owner, long dueTick, Action<object?> callback, object? state)
    {
        Owner = owner;
        DueTick = dueTick;
        Callback = callback;
        State0 = state;
    }

    public TimingWheel Owner { get; }

    public long DueTick { get; }

    public Action<object?> Callback { get; }

    public object? State0 { get; }

    public TimerEntryState State { get; set; }

    public TimerEntry? Previous { get; set; }

    public TimerEntry? Next { get; set; }

    public int Slot { get; set; }
}
