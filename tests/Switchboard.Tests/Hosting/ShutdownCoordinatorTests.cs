using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class ShutdownCoordinatorTests
{
    [Fact]
    public async Task Callbacks_run_by_phase_then_registration_order()
    {
        var order = new ConcurrentQueue<string>();
        using var shutdown = new ShutdownCoordinator(new ListLogger());
        Func<CancellationToken, Task> Step(string name) => async _ =>
        {
            await Task.Yield();
            order.Enqueue(name);
        };
        shutdown.Register(ShutdownPhase.ExitHooks, "exit.d", Step("exit.d"));
        shutdown.Register(ShutdownPhase.SaveState, "registrations", Step("registrations"));
        shutdown.Register(ShutdownPhase.StopAccepting, "udp", Step("udp"));
        shutdown.Register(ShutdownPhase.EndCalls, "bye", Step("bye"));
        shutdown.Register(ShutdownPhase.StopAccepting, "tcp", Step("tcp"));
        shutdown.Register(ShutdownPhase.SaveState, "autoban", Step("autoban"));
        shutdown.Register(ShutdownPhase.Final, "logs", Step("logs"));

        shutdown.RequestShutdown("test");
        int code = await shutdown.WaitAndRunAsync();

        Assert.Equal(0, code);
        Assert.Equal(["udp", "tcp", "bye", "registrations", "autoban", "exit.d", "logs"], order);
    }

    [Fact]
    public async Task A_failing_or_hanging_step_does_not_stop_the_later_ones()
    {
        var log = new ListLogger();
        using var shutdown = new ShutdownCoordinator(log, deadline: TimeSpan.FromSeconds(5));
        bool saved = false;
        bool hangCancelled = false;
        shutdown.Register(ShutdownPhase.StopAccepting, "throws", _ => throw new IOException("socket gone"));
        shutdown.Register(ShutdownPhase.EndCalls, "hangs", async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                hangCancelled = true;
                await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }, TimeSpan.FromMilliseconds(200));
        shutdown.Register(ShutdownPhase.SaveState, "save", _ =>
        {
            saved = true;
            return Task.CompletedTask;
        });

        ShutdownReport report = await shutdown.RunAsync();

        Assert.True(saved);
        // The step sees its token cancelled on a pool thread, possibly after the coordinator has given up on it.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref hangCancelled), TimeSpan.FromSeconds(5)), "the hanging step's token was not cancelled");
        Assert.Equal(["save"], report.Completed);
        Assert.Equal(["throws", "hangs"], report.Failed);
        Assert.True(log.Contains(LogLevel.Error, "shutdown step throws failed: socket gone"));
        Assert.True(log.Contains(LogLevel.Error, "shutdown step hangs did not finish within 200 ms"));
        Assert.True(report.Took < TimeSpan.FromSeconds(2), "hanging step was abandoned at its timeout");
    }

    [Fact]
    public async Task Steps_past_the_deadline_are_skipped_and_named()
    {
        var log = new ListLogger();
        var time = new FakeTimeProvider();
        using var shutdown = new ShutdownCoordinator(log, time, deadline: TimeSpan.FromMilliseconds(300));
        shutdown.Register(ShutdownPhase.EndCalls, "slow", ct => Task.Delay(Timeout.Infinite, ct), TimeSpan.FromSeconds(10));
        shutdown.Register(ShutdownPhase.SaveState, "late", _ => Task.CompletedTask);

        Task<ShutdownReport> run = shutdown.RunAsync();
        time.Advance(TimeSpan.FromMilliseconds(300));
        ShutdownReport report = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["slow"], report.Failed);
        Assert.Equal(["late"], report.Skipped);
        Assert.True(log.Contains(LogLevel.Error, "skipped: late"));
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public async Task Request_fires_the_token_once_and_runs_once()
    {
        var log = new ListLogger();
        using var shutdown = new ShutdownCoordinator(log);
        int runs = 0;
        shutdown.Register(ShutdownPhase.Final, "count", _ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        Assert.False(shutdown.ShutdownRequested.IsCancellationRequested);
        shutdown.RequestShutdown("SIGTERM");
        shutdown.RequestShutdown("SIGINT");
        Assert.True(shutdown.ShutdownRequested.IsCancellationRequested);

        await Task.WhenAll(shutdown.RunAsync(), shutdown.RunAsync(), shutdown.WaitAndRunAsync());
        Assert.Equal(1, runs);
        Assert.Single(log.Messages, m => m.StartsWith("shutdown requested", StringComparison.Ordinal));
        Assert.True(log.Contains(LogLevel.Warning, "shutdown requested (SIGTERM)"));
        Assert.Throws<InvalidOperationException>(() => shutdown.Register(ShutdownPhase.Final, "late", _ => Task.CompletedTask));
    }
}
