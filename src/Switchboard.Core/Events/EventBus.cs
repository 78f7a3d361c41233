namespace Switchboard.Core.Events;

/// <summary>
/// In-process publish/subscribe of immutable event records (Asterisk's stasis, in small). Subscribers are called
/// synchronously on the publisher's thread, in subscription order, and must not block: a subscriber with slow work
/// (a network client) queues it. A subscriber that throws is reported and does not stop delivery.
/// </summary>
public sealed class EventBus
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Raised when a subscriber throws.</summary>
    public Action<Exception>? SubscriberFailed { get; set; }

    /// <summary>Subscribes to events assignable to <typeparamref name="T"/>. Dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        var sub = new Subscription(this, typeof(T), e => handler((T)e));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, sub];
        }

        return sub;
    }

    /// <summary>Delivers <paramref name="evt"/> to every matching subscriber.</summary>
    public void Publish<T>(T evt)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(evt);
        var type = evt.GetType();
        foreach (var sub in Volatile.Read(ref _subscriptions))
        {
            if (!sub.EventType.IsAssignableFrom(type))
            {
                continue;
            }

            try
            {
                sub.Handler(evt);
            }
            catch (Exception ex)
            {
                SubscriberFailed?.Invoke(ex);
            }
        }
    }

    private void Remove(Subscription sub)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => !ReferenceEquals(s, sub));
        }
    }

    private sealed class Subscription(EventBus bus, Type eventType, Action<object> handler) : IDisposable
    {
        public Type EventType { get; } = eventType;

        public Action<object> Handler { get; } = handler;

        public void Dispose() => bus.Remove(this);
    }
}
