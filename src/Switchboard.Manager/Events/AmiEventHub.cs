using Switchboard.Core.Events;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Events;

/// <summary>
/// Subscribes to the bus and fans events out to the sessions that may and want to receive them. Each event is
/// formatted once; a session whose queue is full is closed rather than slowing the publisher.
/// </summary>
internal sealed class AmiEventHub : IDisposable
{
    private readonly AmiSessionRegistry _sessions;
    private readonly TimeProvider _time;
    private readonly Func<bool> _timestamps;
    private readonly List<IDisposable> _subscriptions = [];

    public AmiEventHub(EventBus bus, AmiSessionRegistry sessions, TimeProvider time, Func<bool> timestamps)
    {
        _sessions = sessions;
        _time = time;
        _timestamps = timestamps;
        _subscriptions.Add(bus.Subscribe<SecurityEvent>(e => Publish(AmiEventFormatter.Security(e))));
        _subscriptions.Add(bus.Subscribe<ContactChanged>(OnContactChanged));
        _subscriptions.Add(bus.Subscribe<ChannelEvent>(e => Publish(AmiEventFormatter.Channel(e))));
    }

    public void Publish(AmiEvent evt)
    {
        if (_sessions.Count == 0)
        {
            return;
        }

        var text = AmiEventFormatter.Format(evt, _timestamps() ? _time.GetUtcNow() : null);
        foreach (var session in _sessions.All)
        {
            if (session.Wants(evt.Class, text))
            {
                session.Send(text);
            }
        }
    }

    /// <summary>Sends an event to one session only (FullyBooted after its login), honouring its permissions.</summary>
    public void SendTo(AmiSession session, AmiEvent evt)
    {
        var text = AmiEventFormatter.Format(evt, _timestamps() ? _time.GetUtcNow() : null);
        if (session.Wants(evt.Class, text))
        {
            session.Send(text);
        }
    }

    private void OnContactChanged(ContactChanged e)
    {
        if (AmiEventFormatter.ContactStatus(e) is { } contact)
        {
            Publish(contact);
        }

        if (AmiEventFormatter.PeerStatus(e) is { } peer)
        {
            Publish(peer);
        }
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }

        _subscriptions.Clear();
    }
}
