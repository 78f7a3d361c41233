using System.Collections.Concurrent;
using Switchboard.Common.Timing;
using Switchboard.Core.Events;

namespace Switchboard.Core.Pjsip.Location;

/// <summary>
/// The location service: registered contacts per AOR, their expiry on the timing wheel, their qualify status, change
/// events on the bus and write-behind persistence. Updates to one AOR are atomic (per-AOR lock); readers get
/// immutable snapshots without locking.
/// </summary>
public sealed class LocationService
{
    private readonly ConcurrentDictionary<string, AorState> _aors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ContactStatusInfo> _status = new(StringComparer.Ordinal);
    private readonly TimingWheel _wheel;
    private readonly EventBus _bus;
    private readonly IContactPersistence? _persistence;

    public LocationService(TimingWheel wheel, EventBus bus, IContactPersistence? persistence = null)
    {
        _wheel = wheel;
        _bus = bus;
        _persistence = persistence;
    }

    private DateTimeOffset Now => _wheel.TimeProvider.GetUtcNow();

    /// <summary>Names of AORs that currently have contacts.</summary>
    public IEnumerable<string> Aors
    {
        get
        {
            foreach (var (name, state) in _aors)
            {
                if (state.Contacts.Length > 0)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>Total number of contacts.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (var state in _aors.Values)
            {
                n += state.Contacts.Length;
            }

            return n;
        }
    }

    /// <summary>Current, unexpired contacts of <paramref name="aor"/> (empty when none).</summary>
    public IReadOnlyList<ContactBinding> GetContacts(string aor)
        => _aors.TryGetValue(aor, out var s) ? s.Contacts : [];

    public ContactStatusInfo GetStatus(string contactId)
        => _status.TryGetValue(contactId, out var st) ? st : new ContactStatusInfo(ContactStatus.Unknown, null);

    /// <summary>Records a qualify result; publishes StatusChanged when the status changes.</summary>
    public void SetStatus(ContactBinding contact, ContactStatusInfo status)
    {
        if (!IsCurrent(contact))
        {
            return;
        }

        var old = _status.GetValueOrDefault(contact.Id, new ContactStatusInfo(ContactStatus.Unknown, null));
        _status[contact.Id] = status;
        if (old.Status != status.Status)
        {
            _bus.Publish(new ContactChanged(ContactChange.StatusChanged, contact, status));
        }
    }

    /// <summary>
    /// Atomically replaces the contacts of <paramref name="aor"/> with what <paramref name="mutate"/> returns.
    /// Contacts are matched by <see cref="ContactBinding.Id"/> to publish Created/Updated/Removed.
    /// </summary>
    public T Update<T>(string aor, Func<IReadOnlyList<ContactBinding>, (IReadOnlyList<ContactBinding> Next, T Result)> mutate, ContactStatus initialStatus = ContactStatus.Unknown)
    {
        var state = _aors.GetOrAdd(aor, static _ => new AorState());
        List<ContactChanged> events;
        T result;
        lock (state.Gate)
        {
            var before = state.Contacts;
            var (next, r) = mutate(before);
            result = r;
            var nextArray = next as ContactBinding[] ?? next.ToArray();
            events = Diff(before, nextArray, initialStatus);
            state.Contacts = nextArray;
            foreach (var e in events)
            {
                Reschedule(state, aor, e);
            }
        }

        if (events.Count > 0)
        {
            _persistence?.MarkDirty(aor, state.Contacts);
        }

        foreach (var e in events)
        {
            _bus.Publish(e);
        }

        return result;
    }

    /// <summary>Loads persisted contacts at start; already expired ones are dropped.</summary>
    public int Restore(IEnumerable<ContactBinding> contacts, ContactStatus initialStatus = ContactStatus.Unknown)
    {
        int restored = 0;
        var now = Now;
        foreach (var group in contacts.Where(c => c.ExpiresAt > now).GroupBy(c => c.Aor, StringComparer.Ordinal))
        {
            restored += Update<int>(group.Key, existing => ([.. existing.Where(e => group.All(g => g.Id != e.Id)), .. group], group.Count()), initialStatus);
        }

        return restored;
    }

    private bool IsCurrent(ContactBinding contact)
        => _aors.TryGetValue(contact.Aor, out var s) && Array.Exists(s.Contacts, c => c.Id == contact.Id);

    private List<ContactChanged> Diff(ContactBinding[] before, ContactBinding[] after, ContactStatus initialStatus)
    {
        var events = new List<ContactChanged>();
        foreach (var old in before)
        {
            if (!Array.Exists(after, n => n.Id == old.Id))
            {
                bool expired = old.ExpiresAt <= Now;
                var st = GetStatus(old.Id);
                _status.TryRemove(old.Id, out _);
                events.Add(new ContactChanged(expired ? ContactChange.Expired : ContactChange.Removed, old, st));
            }
        }

        foreach (var n in after)
        {
            var old = Array.Find(before, b => b.Id == n.Id);
            if (old is null)
            {
                var st = new ContactStatusInfo(initialStatus, null);
                _status[n.Id] = st;
                events.Add(new ContactChanged(ContactChange.Created, n, st));
            }
            else if (!ReferenceEquals(old, n))
            {
                events.Add(new ContactChanged(ContactChange.Updated, n, GetStatus(n.Id)));
            }
        }

        return events;
    }

    private void Reschedule(AorState state, string aor, ContactChanged change)
    {
        var id = change.Contact.Id;
        if (state.Timers.Remove(id, out var old))
        {
            old.Cancel();
        }

        if (change.Change is ContactChange.Created or ContactChange.Updated)
        {
            var delay = change.Contact.ExpiresAt - Now;
            state.Timers[id] = _wheel.Schedule(delay, static s => ((ExpiryRequest)s!).Fire(), new ExpiryRequest(this, aor, id));
        }
    }

    private void Expire(string aor, string contactId)
    {
        var now = Now;
        Update<int>(aor, contacts =>
        {
            var next = contacts.Where(c => c.Id != contactId || c.ExpiresAt > now).ToArray();
            return (next.Length == contacts.Count ? contacts : next, 0);
        });
    }

    private sealed class AorState
    {
        public Lock Gate { get; } = new();

        public ContactBinding[] Contacts { get; set; } = [];

        public Dictionary<string, TimerHandle> Timers { get; } = new(StringComparer.Ordinal);
    }

    private sealed record ExpiryRequest(LocationService Owner, string Aor, string ContactId)
    {
        public void Fire() => Owner.Expire(Aor, ContactId);
    }
}
