namespace Switchboard.Common.Timing;

/// <summary>
/// Hashed timing wheel driven by a <see cref="TimeProvider"/>: every timer of the process (SIP T1/T2/B/F/H,
/// registration expiry, qualify, ring timeouts, media pacing) is an entry here. A single one-shot
/// <see cref="ITimer"/> is armed for the next tick at which an entry is due (not every tick, nor every tick whose slot
/// holds an entry for a later turn: thousands of calls' transaction and rtp_timeout timers seconds away would otherwise
/// wake the process a thousand times a second), and only while entries exist, so a fake clock in tests drives
/// everything.
/// Callbacks run on the timer thread and must be short (post real work to a serializer).
/// </summary>
public sealed class TimingWheel : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _tickTimestamp;
    private readonly TimerEntry?[] _slots;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private readonly long _origin;
    [ThreadStatic]
    private static List<TimerEntry>? t_due;
    private long _processedTick;
    private long _count;
    private long _armedTick = long.MaxValue;
    private bool _running;
    private bool _disposed;

    public TimingWheel(TimeProvider time, TimeSpan? tick = null, int slotCount = 4096)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 16);
        _time = time;
        Tick = tick ?? TimeSpan.FromMilliseconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Tick, TimeSpan.Zero);
        _tickTimestamp = Math.Max(1, (long)(Tick.TotalSeconds * time.TimestampFrequency));
        _slots = new TimerEntry?[slotCount];
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((TimingWheel)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Resolution of the wheel.</summary>
    public TimeSpan Tick { get; }

    /// <summary>The clock that drives the wheel.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Number of scheduled (not yet fired or cancelled) entries.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Called with any exception a callback throws; the wheel keeps running.</summary>
    public Action<Exception>? UnhandledCallbackException { get; set; }

    /// <summary>Schedules <paramref name="callback"/> to run once after at least <paramref name="delay"/>.</summary>
    public TimerHandle Schedule(TimeSpan delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long now = CurrentTick();
            if (!_running)
            {
                _processedTick = now;
            }

            long ticks = delay <= TimeSpan.Zero ? 1 : (long)Math.Ceiling(delay.Ticks / (double)Tick.Ticks);
            var entry = new TimerEntry(this, now + ticks, callback, state);
            Link(entry);
            _count++;
            _running = true;
            if (entry.DueTick < _armedTick)
            {
                Arm(entry.DueTick, now);
            }

            return new TimerHandle(entry);
        }
    }

    internal bool Cancel(TimerEntry entry)
    {
        lock (_gate)
        {
            if (entry.State != TimerEntryState.Scheduled)
            {
                return false;
            }

            Unlink(entry);
            entry.State = TimerEntryState.Cancelled;
            _count--;
            return true;
        }
    }

    /// <summary>Advances the wheel to the clock's present (also done by the internal timer).</summary>
    public void RunDue()
    {
        OnTick();
    }

    private void OnTick()
    {
        var due = t_due ??= new List<TimerEntry>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            long now = CurrentTick();
            while (_processedTick < now)
            {
                _processedTick++;
                CollectSlot(_processedTick, due);
                if (_count == 0)
                {
                    _processedTick = now;
                    break;
                }
            }

            if (_count == 0)
            {
                if (_running)
                {
                    _running = false;
                    _armedTick = long.MaxValue;
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
            }
            else
            {
                Arm(NextDueTick(), now);
            }

            if (due.Count == 0)
            {
                return;
            }
        }

        // Callbacks run outside the lock; the list is per thread, so overlapping ticks do not share it.

        try
        {
            foreach (var entry in due)
            {
                try
                {
                    entry.Callback(entry.State0);
                }
                catch (Exception ex)
                {
                    UnhandledCallbackException?.Invoke(ex);
                }
            }
        }
        finally
        {
            due.Clear();
        }
    }

    /// <summary>
    /// The first tick after the processed one at which an entry is due. A slot can hold entries for later turns of the
    /// wheel (a SIP transaction's 32 s Timer L sits in a 4 s wheel for eight turns); those do not count for their slot's
    /// tick in this turn, else thousands of them would wake the process at almost every tick. When nothing is due within
    /// a turn, the earliest entry's own tick.
    /// </summary>
    private long NextDueTick()
    {
        long earliest = long.MaxValue;
        long last = _processedTick + _slots.Length;
        for (long tick = _processedTick + 1; tick <= last; tick++)
        {
            for (var e = _slots[tick % _slots.Length]; e is not null; e = e.Next)
            {
                if (e.DueTick <= tick)
                {
                    return tick;
                }

                earliest = Math.Min(earliest, e.DueTick);
            }
        }

        return earliest == long.MaxValue ? last : earliest;
    }

    /// <summary>Arms the timer to fire once when <paramref name="tick"/> begins (at least one tick from now).</summary>
    private void Arm(long tick, long now)
    {
        long ticks = Math.Max(1, tick - now);
        _armedTick = now + ticks;
        _timer.Change(TimeSpan.FromTicks(Tick.Ticks * ticks), Timeout.InfiniteTimeSpan);
    }

    private void CollectSlot(long tick, List<TimerEntry> due)
    {
        int slot = (int)(tick % _slots.Length);
        var e = _slots[slot];
        while (e is not null)
        {
            var next = e.Next;
            if (e.DueTick <= tick)
            {
                Unlink(e);
                e.State = TimerEntryState.Fired;
                _count--;
                due.Add(e);
            }

            e = next;
        }
    }

    private long CurrentTick() => (_time.GetTimestamp() - _origin) / _tickTimestamp;

    private void Link(TimerEntry entry)
    {
        int slot = (int)(entry.DueTick % _slots.Length);
        entry.Slot = slot;
        entry.Previous = null;
        entry.Next = _slots[slot];
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry;
        }

        _slots[slot] = entry;
    }

    private void Unlink(TimerEntry entry)
    {
        if (entry.Previous is null)
        {
            _slots[entry.Slot] = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Previous = null;
        entry.Next = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }
}
