using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Logging;
using Switchboard.AutoBan.Policy;
using Switchboard.Common.Timing;

namespace Switchboard.AutoBan.State;

/// <summary>
/// Saves the policy's state after changes, debounced: the first change schedules one save <see cref="Delay"/> later
/// on the timing wheel; the write itself runs on the thread pool. <see cref="SaveNow"/> writes at once (shutdown).
/// </summary>
internal sealed class StateSaver : IBanObserver
{
    private readonly AutoBanStateStore _store;
    private readonly Func<AutoBanStateDocument> _snapshot;
    private readonly TimingWheel _wheel;
    private readonly ILogger _logger;
    private readonly Lock _fileGate = new();
    private int _scheduled;
    private TimerHandle _timer;
    private long _saves;

    public StateSaver(AutoBanStateStore store, Func<AutoBanStateDocument> snapshot, TimingWheel wheel, ILogger logger, TimeSpan delay)
    {
        _store = store;
        _snapshot = snapshot;
        _wheel = wheel;
        _logger = logger;
        Delay = delay;
    }

    public TimeSpan Delay { get; }

    /// <summary>Files written so far.</summary>
    public long Saves => Interlocked.Read(ref _saves);

    /// <summary>Set after stop: changes no longer schedule saves.</summary>
    public bool Stopped { get; private set; }

    public void OnChange(in SetChange change) => MarkDirty();

    public void MarkDirty()
    {
        if (Stopped || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _timer = _wheel.Schedule(Delay, static s => ThreadPool.UnsafeQueueUserWorkItem(static saver => saver.SaveScheduled(), (StateSaver)s!, preferLocal: false), this);
    }

    private void SaveScheduled()
    {
        lock (_fileGate)
        {
            // Stop writes the final state itself; a save queued before it must not run after it.
            if (!Stopped)
            {
                SaveNow();
            }
        }
    }

    /// <summary>Writes the current state now.</summary>
    public void SaveNow()
    {
        lock (_fileGate)
        {
            Volatile.Write(ref _scheduled, 0);
            try
            {
                _store.Save(_snapshot());
                Interlocked.Increment(ref _saves);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                AutoBanLog.StateSaveFailed(_logger, _store.Path, ex.Message);
            }
        }
    }

    /// <summary>Cancels a pending save and writes the final state.</summary>
    public void Stop()
    {
        lock (_fileGate)
        {
            Stopped = true;
            _timer.Cancel();
            SaveNow();
        }
    }
}
