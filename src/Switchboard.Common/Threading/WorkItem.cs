namespace Switchboard.Common.Threading;

/// <summary>One queued unit of work: a delegate, its state and a cached invoker that knows the delegate's type.</summary>
internal readonly struct WorkItem
{
    public WorkItem(Func<Delegate, object?, ValueTask> invoker, Delegate callback, object? state)
    {
        Invoker = invoker;
        Callback = callback;
        State = state;
    }

    public Func<Delegate, object?, ValueTask> Invoker { get; }

    public Delegate Callback { get; }

    public object? State { get; }

    public ValueTask Invoke() => Invoker(Callback, State);
}
