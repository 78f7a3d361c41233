namespace Switchboard.Common.Threading;

/// <summary>
/// The work queue of one key. It is a thread-pool work item itself: while it has items it is scheduled at most once,
/// so the items of its key run strictly one after another. When it runs dry it retires (leaves the serializer's map)
/// and goes back to the serializer's pool for the next key.
/// </summary>
/// <remarks>
/// Invariant, checked under <see cref="Gate"/>: a queue that is not <see cref="Retired"/> is the live queue of
/// <see cref="Key"/> in the serializer's map.
/// </remarks>
internal sealed class KeyedWorkQueue<TKey> : IThreadPoolWorkItem
    where TKey : notnull
{
    private const int ShrinkAboveCapacity = 256;
    private readonly KeyedSerializer<TKey> _owner;
    private readonly Action _onPendingCompleted;
    private Queue<WorkItem> _items = new();
    private ValueTask _pending;

    public KeyedWorkQueue(KeyedSerializer<TKey> owner)
    {
        _owner = owner;
        _onPendingCompleted = OnPendingCompleted;
    }

    public Lock Gate { get; } = new();

    public TKey Key { get; set; } = default!;

    /// <summary>True when the queue is not in the map (pooled, or about to be published).</summary>
    public bool Retired { get; set; } = true;

    /// <summary>True while the queue is scheduled on the thread pool or waiting for an async item.</summary>
    public bool Running { get; set; }

    /// <summary>Adds an item; caller holds <see cref="Gate"/>. Returns true when the caller must schedule the queue.</summary>
    public bool EnqueueLocked(in WorkItem item)
    {
        _items.Enqueue(item);
        if (Running)
        {
            return false;
        }

        Running = true;
        return true;
    }

    public void ResetForPool()
    {
        Key = default!;
        if (_items.Count == 0 && _items.EnsureCapacity(0) > ShrinkAboveCapacity)
        {
            _items = new Queue<WorkItem>();
        }
    }

    public void Execute()
    {
        int budget = _owner.MaxBatch;
        while (true)
        {
            WorkItem item;
            lock (Gate)
            {
                if (!_items.TryDequeue(out item))
                {
                    Running = false;
                    Retired = true;
                    _owner.RemoveLocked(this);
                    break;
                }
            }

            ValueTask task;
            try
            {
                task = item.Invoke();
            }
            catch (Exception ex)
            {
                _owner.Report(Key, ex);
                continue;
            }

            if (!task.IsCompleted)
            {
                _pending = task;
                task.GetAwaiter().UnsafeOnCompleted(_onPendingCompleted);
                return;
            }

            Observe(task);
            if (--budget == 0)
            {
                // Give other keys a turn; this queue stays Running, so no one else schedules it meanwhile.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }

        _owner.ReturnToPool(this);
    }

    private void OnPendingCompleted()
    {
        var task = _pending;
        _pending = default;
        Observe(task);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void Observe(ValueTask task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            _owner.Report(Key, ex);
        }
    }
}
