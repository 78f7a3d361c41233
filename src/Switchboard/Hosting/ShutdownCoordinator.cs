using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// PID 1 shutdown: SIGTERM / SIGINT / SIGQUIT (or <see cref="RequestShutdown"/>) trigger the
/// registered stop callbacks, phase by phase (<see cref="ShutdownPhase"/>) and, within a phase, in
/// registration order, all within one deadline (default 9 s, inside Docker's 10 s stop grace).
/// Each callback gets a token that fires at its own timeout or the deadline, whichever is first;
/// a callback that throws or overruns is logged and the next one runs. Callbacks still waiting
/// when the deadline has passed are skipped and named in the log.
/// </summary>
internal sealed partial class ShutdownCoordinator : IDisposable
{
    private readonly List<Registration> _callbacks = [];
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _deadline;
    private readonly TimeSpan _defaultCallbackTimeout;
    private readonly CancellationTokenSource _requested = new();
    private readonly TaskCompletionSource<string> _reason = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PosixSignalRegistration> _signals = [];
    private Task<ShutdownReport>? _running;

    public ShutdownCoordinator(ILogger log, TimeProvider? time = null, TimeSpan? deadline = null, TimeSpan? defaultCallbackTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _time = time ?? TimeProvider.System;
        _deadline = deadline ?? TimeSpan.FromSeconds(9);
        _defaultCallbackTimeout = defaultCallbackTimeout ?? TimeSpan.FromSeconds(4);
    }

    /// <summary>Fires when shutdown was requested: components stop their loops with it.</summary>
    public CancellationToken ShutdownRequested => _requested.Token;

    /// <summary>Registers a stop callback.</summary>
    public void Register(ShutdownPhase phase, string name, Func<CancellationToken, Task> callback, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(callback);
        lock (_callbacks)
        {
            if (_running is not null)
            {
                throw new InvalidOperationException("shutdown already started");
            }

            _callbacks.Add(new Registration(phase, _callbacks.Count, name, callback, timeout ?? _defaultCallbackTimeout));
        }
    }

    /// <summary>Hooks SIGTERM, SIGINT and SIGQUIT: the default action (exit at once) is cancelled and a shutdown requested.</summary>
    public void InstallSignalHandlers()
    {
        foreach (PosixSignal signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                RequestShutdown(context.Signal.ToString());
            }));
        }
    }

    /// <summary>Asks for shutdown (idempotent: the first reason wins).</summary>
    public void RequestShutdown(string reason)
    {
        if (_reason.TrySetResult(reason))
        {
            LogRequested(_log, reason);
            try
            {
                _requested.Cancel();
            }
            catch (AggregateException ex)
            {
                LogCallbackFailed(_log, "shutdown token listeners", ex.Message);
            }
        }
    }

    /// <summary>Waits for a shutdown request, then runs the callbacks; returns the exit code (0).</summary>
    public async Task<int> WaitAndRunAsync()
    {
        await _reason.Task.ConfigureAwait(false);
        ShutdownReport report = await RunAsync().ConfigureAwait(false);
        return report.ExitCode;
    }

    /// <summary>Runs the callbacks once (later calls return the same run).</summary>
    public Task<ShutdownReport> RunAsync()
    {
        lock (_callbacks)
        {
            _running ??= RunCoreAsync();
            return _running;
        }
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration signal in _signals)
        {
            signal.Dispose();
        }

        _signals.Clear();
        _requested.Dispose();
    }

    private async Task<ShutdownReport> RunCoreAsync()
    {
        _reason.TrySetResult("shutdown");
        if (!_requested.IsCancellationRequested)
        {
            _requested.Cancel();
        }

        Registration[] ordered;
        lock (_callbacks)
        {
            ordered = [.. _callbacks];
        }

        Array.Sort(ordered, static (a, b) => a.Phase != b.Phase ? a.Phase.CompareTo(b.Phase) : a.Order.CompareTo(b.Order));
        long started = _time.GetTimestamp();
        var completed = new List<string>();
        var failed = new List<string>();
        var skipped = new List<string>();

        foreach (Registration registration in ordered)
        {
            TimeSpan left = _deadline - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                skipped.Add(registration.Name);
                continue;
            }

            TimeSpan budget = registration.Timeout < left ? registration.Timeout : left;
            if (await RunOneAsync(registration, budget).ConfigureAwait(false))
            {
                completed.Add(registration.Name);
            }
            else
            {
                failed.Add(registration.Name);
            }
        }

        if (skipped.Count > 0)
        {
            LogSkipped(_log, _deadline.TotalSeconds, string.Join(", ", skipped));
        }

        TimeSpan took = _time.GetElapsedTime(started);
        LogFinished(_log, took.TotalMilliseconds, completed.Count, failed.Count, skipped.Count);
        return new ShutdownReport(completed, failed, skipped, took);
    }

    private async Task<bool> RunOneAsync(Registration registration, TimeSpan budget)
    {
        using var cts = new CancellationTokenSource(budget, _time);
        Task task;
        try
        {
            task = registration.Callback(cts.Token);
        }
        catch (Exception ex)
        {
            LogCallbackFailed(_log, registration.Name, ex.Message);
            return false;
        }

        var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration reg = cts.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), gaveUp);
        Task first = await Task.WhenAny(task, gaveUp.Task).ConfigureAwait(false);
        if (first != task)
        {
            LogCallbackTimedOut(_log, registration.Name, budget.TotalMilliseconds);
            return false;
        }

        try
        {
            await task.ConfigureAwait(false);
            LogCallbackDone(_log, registration.Phase, registration.Name);
            return true;
        }
        catch (Exception ex)
        {
            LogCallbackFailed(_log, registration.Name, ex.Message);
            return false;
        }
    }

    private sealed record Registration(ShutdownPhase Phase, int Order, string Name, Func<CancellationToken, Task> Callback, TimeSpan Timeout);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Warning, Message = "shutdown requested ({Reason})")]
    private static partial void LogRequested(ILogger log, string reason);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Debug, Message = "shutdown {Phase}: {Name} done")]
    private static partial void LogCallbackDone(ILogger log, ShutdownPhase phase, string name);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Error, Message = "shutdown step {Name} failed: {Reason}")]
    private static partial void LogCallbackFailed(ILogger log, string name, string reason);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Error, Message = "shutdown step {Name} did not finish within {Ms} ms; continuing")]
    private static partial void LogCallbackTimedOut(ILogger log, string name, double ms);

    [LoggerMessage(EventId = 5034, Level = LogLevel.Error, Message = "shutdown deadline of {Seconds} s passed; skipped: {Names}")]
    private static partial void LogSkipped(ILogger log, double seconds, string names);

    [LoggerMessage(EventId = 5035, Level = LogLevel.Warning, Message = "shutdown finished in {Ms:0} ms: {Completed} steps done, {Failed} failed, {Skipped} skipped")]
    private static partial void LogFinished(ILogger log, double ms, int completed, int failed, int skipped);
}
