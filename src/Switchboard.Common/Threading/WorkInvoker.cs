namespace Switchboard.Common.Threading;

/// <summary>
/// Cached, non-capturing invokers per state type, so a queued item needs no closure: the item stores the user's
/// delegate and state, and one static invoker per <typeparamref name="TState"/> casts them back.
/// </summary>
internal static class WorkInvoker<TState>
{
    public static readonly Func<Delegate, object?, ValueTask> Sync = static (callback, state) =>
    {
        ((Action<TState>)callback)((TState)state!);
        return default;
    };

    public static readonly Func<Delegate, object?, ValueTask> Async = static (callback, state) =>
        ((Func<TState, ValueTask>)callback)((TState)state!);
}
