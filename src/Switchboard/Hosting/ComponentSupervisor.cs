using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Runs long-lived background components (qualify loop, spool watcher, ACME watcher, WebSMS
/// listener ...) and restarts one that crashes — or returns while the PBX is still running — after
/// a growing delay (1 s, 2 s, 4 s ... 30 s; back to 1 s after a run of 60 s). Every crash and
/// restart is logged, so nothing dies silently. <see cref="StopAsync"/> cancels all of them.
/// </summary>
internal sealed partial class ComponentSupervisor : IAsyncDisposable
{
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SupervisorOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Supervised> _components = new(StringComparer.Ordinal);

    public ComponentSupervisor(ILogger log, TimeProvider? time = null, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _time = time ?? TimeProvider.System;
        _options = options ?? new SupervisorOptions();
    }

    /// <summary>Starts <paramref name="run"/> under supervision; it must honour its token.</summary>
    public void Start(string name, Func<CancellationToken, Task> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        var component = new Supervised(name, run);
        lock (_components)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (!_components.TryAdd(name, component))
            {
                throw new InvalidOperationException($"component '{name}' is already supervised");
            }
        }

        component.Loop = Task.Run(() => LoopAsync(component));
    }

    /// <summary>Current state of every component, by name.</summary>
    public IReadOnlyList<ComponentStatus> Status()
    {
        lock (_components)
        {
            var list = new List<ComponentStatus>(_components.Count);
            foreach (Supervised c in _components.Values)
            {
                list.Add(new ComponentStatus(c.Name, c.State, c.Restarts, c.LastError));
            }

            list.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return list;
        }
    }

    /// <summary>Cancels every component and waits for them (bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] loops;
        lock (_components)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }

            loops = new Task[_components.Count];
            int i = 0;
            foreach (Supervised c in _components.Values)
            {
                loops[i++] = c.Loop ?? Task.CompletedTask;
            }
        }

        await Task.WhenAll(loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await StopAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Components that ignore cancellation are abandoned.
        }

        _stopping.Dispose();
    }

    /// <summary>Delay before restart number <paramref name="consecutiveFailures"/> (1-based).</summary>
    internal TimeSpan BackoffFor(int consecutiveFailures)
    {
        TimeSpan delay = _options.InitialBackoff;
        for (int i = 1; i < consecutiveFailures && delay < _options.MaxBackoff; i++)
        {
            delay += delay;
        }

        return delay < _options.MaxBackoff ? delay : _options.MaxBackoff;
    }

    private async Task LoopAsync(Supervised component)
    {
        CancellationToken stop = _stopping.Token;
        int consecutiveFailures = 0;
        while (!stop.IsCancellationRequested)
        {
            component.State = ComponentState.Running;
            long started = _time.GetTimestamp();
            string? failure;
            try
            {
                await component.Run(stop).ConfigureAwait(false);
                failure = stop.IsCancellationRequested ? null : "returned while the PBX is running";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                failure = null;
            }
            catch (Exception ex)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}";
            }

            if (failure is null)
            {
                break;
            }

            consecutiveFailures = _time.GetElapsedTime(started) >= _options.StableAfter ? 1 : consecutiveFailures + 1;
            TimeSpan delay = BackoffFor(consecutiveFailures);
            LogCrashed(_log, component.Name, failure, delay.TotalSeconds);
            component.LastError = failure;
            Task wait = Task.Delay(delay, _time, stop);
            component.State = ComponentState.WaitingToRestart;
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            LogRestarting(_log, component.Name, component.Restarts + 1);
            component.Restarts++;
        }

        component.State = ComponentState.Stopped;
    }

    private sealed class Supervised(string name, Func<CancellationToken, Task> run)
    {
        public string Name { get; } = name;

        public Func<CancellationToken, Task> Run { get; } = run;

        public Task? Loop { get; set; }

        public volatile ComponentState State;

        public volatile string? LastError;

        private int _restarts;

        public int Restarts
        {
            get => Volatile.Read(ref _restarts);
            set => Volatile.Write(ref _restarts, value);
        }
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Error, Message = "component {Name} crashed ({Reason}); restarting in {Seconds} s")]
    private static partial void LogCrashed(ILogger log, string name, string reason, double seconds);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning, Message = "component {Name} restarted (restart #{Count})")]
    private static partial void LogRestarting(ILogger log, string name, int count);
}
