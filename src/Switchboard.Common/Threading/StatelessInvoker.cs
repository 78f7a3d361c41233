namespace Switchboard.Common.Threading;

/// <summary>Cached invokers for work items without state.</summary>
internal static class StatelessInvoker
{
    public static readonly Func<Delegate, object?, ValueTask> Sync = static (callback, _) =>
    {
        ((Action)callback)();
        return default;
    };

    public static readonly Func<Delegate, object?, ValueTask> Async = static (callback, _) => ((Func<ValueTask>)callback)();
}
