using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class ComponentSupervisorTests
{
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }

    [Fact]
    public async Task A_crashed_component_is_restarted_after_its_backoff_and_logged()
    {
        var time = new FakeTimeProvider();
        var log = new ListLogger();
        await using var supervisor = new ComponentSupervisor(log, time);
        int starts = 0;
        supervisor.Start("qualify", async ct =>
        {
            int n = Interlocked.Increment(ref starts);
            if (n <= 2)
            {
                throw new InvalidOperationException($"boom {n}");
            }

            await Task.Delay(Timeout.Infinite, ct);
        });

        await WaitUntil(() => supervisor.Status()[0].State == ComponentState.WaitingToRestart);
        Assert.Equal(1, Volatile.Read(ref starts));
        Assert.True(log.Contains(LogLevel.Error, "component qualify crashed (InvalidOperationException: boom 1); restarting in 1 s"));

        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => Volatile.Read(ref starts) == 2 && supervisor.Status()[0].State == ComponentState.WaitingToRestart);
        Assert.True(log.Contains(LogLevel.Error, "boom 2); restarting in 2 s"));

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(2, Volatile.Read(ref starts));
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => supervisor.Status()[0].State == ComponentState.Running && Volatile.Read(ref starts) == 3);

        ComponentStatus status = Assert.Single(supervisor.Status());
        Assert.Equal(2, status.Restarts);
        Assert.Equal("InvalidOperationException: boom 2", status.LastError);
        Assert.True(log.Contains(LogLevel.Warning, "component qualify restarted (restart #2)"));

        await supervisor.StopAsync(CancellationToken.None);
        Assert.Equal(ComponentState.Stopped, supervisor.Status()[0].State);
    }

    [Fact]
    public async Task A_component_that_returns_while_running_is_restarted_too()
    {
        var time = new FakeTimeProvider();
        var log = new ListLogger();
        await using var supervisor = new ComponentSupervisor(log, time);
        supervisor.Start("spool", _ => Task.CompletedTask);
        await WaitUntil(() => log.Contains(LogLevel.Error, "component spool crashed (returned while the PBX is running)"));
    }

    [Fact]
    public async Task Stop_cancels_components_without_restarting_them()
    {
        var log = new ListLogger();
        await using var supervisor = new ComponentSupervisor(log, new FakeTimeProvider());
        var started = new TaskCompletionSource();
        supervisor.Start("watcher", async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await supervisor.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ComponentState.Stopped, supervisor.Status()[0].State);
        Assert.Equal(0, supervisor.Status()[0].Restarts);
        Assert.DoesNotContain(log.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_maximum()
    {
        var supervisor = new ComponentSupervisor(new ListLogger());
        Assert.Equal(
            [1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(1, 7).Select(n => (int)supervisor.BackoffFor(n).TotalSeconds));
    }

    [Fact]
    public async Task Duplicate_names_are_refused()
    {
        await using var supervisor = new ComponentSupervisor(new ListLogger());
        supervisor.Start("x", ct => Task.Delay(Timeout.Infinite, ct));
        Assert.Throws<InvalidOperationException>(() => supervisor.Start("x", _ => Task.CompletedTask));
    }
}
