using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Logging;

namespace Switchboard.Common.Threading;

/// <summary>
/// One work queue per key (a Call-ID, a dialog, a channel): the items posted for one key run strictly in order and
/// never concurrently; different keys run in parallel on the thread pool. There is no thread per key and no lock
/// shared by all keys; a key's queue exists only while it has work.
/// </summary>
/// <remarks>
/// Post with a static lambda and a state object (<see cref="Post{TState}"/>) to avoid a closure per post; a value-type
/// state is boxed. An async item (<see cref="PostAsync{TState}"/>) holds its key until its task completes. Items do
/// not flow ExecutionContext (AsyncLocal values are not carried). Exceptions from items are logged and reported to
/// <see cref="UnhandledException"/>; the key's queue carries on with the next item.
/// </remarks>
public sealed class KeyedSerializer<TKey>
    where TKey : notnull
{
    private const int PoolCapacity = 1024;
    private readonly ConcurrentDictionary<TKey, KeyedWorkQueue<TKey>> _queues;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly KeyedWorkQueue<TKey>[] _pool = new KeyedWorkQueue<TKey>[PoolCapacity];
    private readonly Lock _poolGate = new();
    private readonly ILogger _logger;
    private int _poolCount;

    public KeyedSerializer(IEqualityComparer<TKey>? comparer = null, ILogger? logger = null, int maxBatch = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _queues = new ConcurrentDictionary<TKey, KeyedWorkQueue<TKey>>(_comparer);
        _logger = logger ?? NullLogger.Instance;
        MaxBatch = maxBatch;
    }

    /// <summary>How many items of one key run before the key yields its thread to other work.</summary>
    public int MaxBatch { get; }

    /// <summary>Called (on the worker thread) with the key and the exception when a work item throws.</summary>
    public Action<TKey, Exception>? UnhandledException { get; set; }

    /// <summary>Number of keys that currently have queued or running work. Takes a snapshot; not for hot paths.</summary>
    public int ActiveKeyCount => _queues.Count;

    /// <summary>True when <paramref name="key"/> has queued or running work.</summary>
    public bool IsActive(TKey key) => _queues.ContainsKey(key);

    /// <summary>Queues <paramref name="action"/> to run after all earlier work of <paramref name="key"/>.</summary>
    public void Post(TKey key, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(key, new WorkItem(StatelessInvoker.Sync, action, null));
    }

    /// <summary>Queues <paramref name="action"/>(<paramref name="state"/>) without allocating a closure.</summary>
    public void Post<TState>(TKey key, Action<TState> action, TState state)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(key, new WorkItem(WorkInvoker<TState>.Sync, action, state));
    }

    /// <summary>Queues async work; the key's next item starts only after the returned task completes.</summary>
    public void PostAsync(TKey key, Func<ValueTask> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(key, new WorkItem(StatelessInvoker.Async, action, null));
    }

    /// <summary>Queues async work with state; the key's next item starts only after the returned task completes.</summary>
    public void PostAsync<TState>(TKey key, Func<TState, ValueTask> action, TState state)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(key, new WorkItem(WorkInvoker<TState>.Async, action, state));
    }

    internal void RemoveLocked(KeyedWorkQueue<TKey> queue)
    {
        _queues.TryRemove(new KeyValuePair<TKey, KeyedWorkQueue<TKey>>(queue.Key, queue));
    }

    internal void ReturnToPool(KeyedWorkQueue<TKey> queue)
    {
        lock (queue.Gate)
        {
            if (!queue.Retired)
            {
                return;
            }

            queue.ResetForPool();
        }

        lock (_poolGate)
        {
            if (_poolCount < _pool.Length)
            {
                _pool[_poolCount++] = queue;
            }
        }
    }

    internal void Report(TKey key, Exception exception)
    {
        CommonLog.SerializedWorkFailed(_logger, key.ToString(), exception);
        try
        {
            UnhandledException?.Invoke(key, exception);
        }
        catch (Exception ex)
        {
            CommonLog.SerializedWorkFailed(_logger, "UnhandledException handler", ex);
        }
    }

    private void Enqueue(TKey key, in WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(key);
        var spin = default(SpinWait);
        while (true)
        {
            if (!_queues.TryGetValue(key, out var queue))
            {
                queue = Rent();
                queue.Key = key;
                if (!_queues.TryAdd(key, queue))
                {
                    ReturnToPool(queue);
                    continue;
                }

                bool first;
                lock (queue.Gate)
                {
                    queue.Retired = false;
                    first = queue.EnqueueLocked(item);
                }

                if (first)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(queue, preferLocal: false);
                }

                return;
            }

            bool schedule;
            lock (queue.Gate)
            {
                // A retired queue (or one recycled for another key) is not ours: look the key up again.
                if (queue.Retired || !_comparer.Equals(queue.Key, key))
                {
                    goto Retry;
                }

                schedule = queue.EnqueueLocked(item);
            }

            if (schedule)
            {
                ThreadPool.UnsafeQueueUserWorkItem(queue, preferLocal: false);
            }

            return;

        Retry:
            spin.SpinOnce();
        }
    }

    private KeyedWorkQueue<TKey> Rent()
    {
        lock (_poolGate)
        {
            if (_poolCount > 0)
            {
                var queue = _pool[--_poolCount];
                _pool[_poolCount] = null!;
                return queue;
            }
        }

        return new KeyedWorkQueue<TKey>(this);
    }
}
