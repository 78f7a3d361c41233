using System.Collections.Concurrent;
using Switchboard.Common.Threading;

namespace Switchboard.Common.Tests.Threading;

public sealed class KeyedSerializerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Items_of_one_key_run_in_post_order()
    {
        var serializer = new KeyedSerializer<string>();
        var seen = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int count = 20_000;
        for (int i = 0; i < count; i++)
        {
            serializer.Post("call-1", static s => s.seen.Add(s.i), (seen, i));
        }

        serializer.Post("call-1", static tcs => tcs.SetResult(), done);
        await done.Task.WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, count), seen);
    }

    [Fact]
    public async Task Items_of_one_key_never_overlap_even_with_many_producers()
    {
        var serializer = new KeyedSerializer<int>(maxBatch: 3);
        const int keys = 8;
        const int producers = 4;
        const int perProducer = 5_000;
        var inside = new int[keys];
        var counts = new int[keys];
        int overlaps = 0;
        int finished = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = keys * producers * perProducer;

        void Work(int key)
        {
            if (Interlocked.Exchange(ref inside[key], 1) != 0)
            {
                Interlocked.Increment(ref overlaps);
            }

            counts[key]++; // deliberately not atomic: the serializer must make it safe
            Thread.SpinWait(20);
            Volatile.Write(ref inside[key], 0);
            if (Interlocked.Increment(ref finished) == total)
            {
                done.SetResult();
            }
        }

        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (int i = 0; i < perProducer * keys; i++)
            {
                serializer.Post(i % keys, Work, i % keys);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        await done.Task.WaitAsync(Timeout);

        Assert.Equal(0, overlaps);
        Assert.All(counts, c => Assert.Equal(producers * perProducer, c));
    }

    [Fact]
    public async Task Different_keys_run_in_parallel()
    {
        var serializer = new KeyedSerializer<string>();
        using var release = new ManualResetEventSlim();
        var bRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A blocks its thread until B has run: only possible when B is not queued behind A.
        serializer.Post("a", () => aDone.SetResult(release.Wait(Timeout)));
        serializer.Post("b", () =>
        {
            bRan.SetResult();
            release.Set();
        });

        await bRan.Task.WaitAsync(Timeout);
        Assert.True(await aDone.Task.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Async_item_holds_its_key_until_its_task_completes_but_not_other_keys()
    {
        var serializer = new KeyedSerializer<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>();
        var otherKey = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        serializer.PostAsync("dialog", async () =>
        {
            log.Enqueue("async-start");
            await gate.Task;
            log.Enqueue("async-end");
        });
        serializer.Post("dialog", () =>
        {
            log.Enqueue("next");
            last.SetResult();
        });
        serializer.Post("other", () => otherKey.SetResult());

        await otherKey.Task.WaitAsync(Timeout);
        Assert.False(last.Task.IsCompleted);
        Assert.True(serializer.IsActive("dialog"));

        gate.SetResult();
        await last.Task.WaitAsync(Timeout);
        Assert.Equal(["async-start", "async-end", "next"], log);
    }

    [Fact]
    public async Task Async_item_with_state_runs_in_order()
    {
        var serializer = new KeyedSerializer<int>();
        var seen = new ConcurrentQueue<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 0; i < 50; i++)
        {
            serializer.PostAsync(7, static async s =>
            {
                if (s.i % 3 == 0)
                {
                    await Task.Yield();
                }

                s.seen.Enqueue(s.i);
            }, (seen, i));
        }

        serializer.Post(7, done.SetResult);
        await done.Task.WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, 50), seen);
    }

    [Fact]
    public async Task Failing_items_are_reported_and_the_key_carries_on()
    {
        var serializer = new KeyedSerializer<string>();
        var errors = new ConcurrentQueue<(string Key, string Message)>();
        serializer.UnhandledException = (k, e) => errors.Enqueue((k, e.Message));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        serializer.Post("k", () => throw new InvalidOperationException("sync boom"));
        serializer.PostAsync("k", async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async boom");
        });
        serializer.PostAsync("k", () => ValueTask.FromException(new InvalidOperationException("faulted task")));
        serializer.Post("k", done.SetResult);

        await done.Task.WaitAsync(Timeout);
        Assert.Equal(
            [("k", "sync boom"), ("k", "async boom"), ("k", "faulted task")],
            errors);
    }

    [Fact]
    public async Task Queue_of_a_key_disappears_when_empty()
    {
        var serializer = new KeyedSerializer<string>();
        var done = new CountdownEvent(100);
        for (int i = 0; i < 100; i++)
        {
            serializer.Post("key-" + i, static d => d.Signal(), done);
        }

        Assert.True(done.Wait(Timeout));
        Assert.True(SpinWait.SpinUntil(() => serializer.ActiveKeyCount == 0, Timeout));

        // Keys come back to life after retiring.
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serializer.Post("key-5", again.SetResult);
        await again.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Item_posting_to_its_own_key_runs_after_it()
    {
        var serializer = new KeyedSerializer<string>();
        var log = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serializer.Post("k", () =>
        {
            serializer.Post("k", () =>
            {
                log.Enqueue("inner");
                done.SetResult();
            });
            log.Enqueue("outer");
        });

        await done.Task.WaitAsync(Timeout);
        Assert.Equal(["outer", "inner"], log);
    }

    [Fact]
    public async Task Keys_that_come_and_go_lose_no_items()
    {
        // Many short-lived keys stress the retire/reuse race of the per-key queues.
        var serializer = new KeyedSerializer<int>(maxBatch: 1);
        const int rounds = 20_000;
        var perKey = new int[16];
        int remaining = rounds;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (int i = p; i < rounds; i += 4)
            {
                serializer.Post(i % 16, k =>
                {
                    Interlocked.Increment(ref perKey[k]);
                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        done.SetResult();
                    }
                }, i % 16);
                if (i % 64 == 0)
                {
                    Thread.Yield();
                }
            }
        })).ToArray();

        await Task.WhenAll(producers).WaitAsync(Timeout);
        await done.Task.WaitAsync(Timeout);
        Assert.Equal(rounds, perKey.Sum());
        Assert.True(SpinWait.SpinUntil(() => serializer.ActiveKeyCount == 0, Timeout));
    }
}
