namespace Switchboard.Transport.Rtp;

/// <summary>
/// The sockets of one RTP thread by slot: a registration gets a reused slot and a fresh non-zero tag, which together
/// make the kernel's user data (epoll data, io_uring user_data), so a completion or event for a slot that has since
/// been given to another socket is recognised as stale. Add and Remove are serialised by the owner; <see cref="Find"/>
/// may run on another thread at the same time.
/// </summary>
internal sealed class RtpRegistrationTable
{
    private readonly Stack<int> _free = new();
    private RtpReceiveRegistration?[] _slots = new RtpReceiveRegistration?[256];
    private int _used;
    private uint _nextTag;

    public void Add(RtpReceiveRegistration registration)
    {
        int slot;
        if (_free.Count > 0)
        {
            slot = _free.Pop();
        }
        else
        {
            if (_used == _slots.Length)
            {
                var grown = new RtpReceiveRegistration?[_slots.Length * 2];
                Array.Copy(_slots, grown, _slots.Length);
                Volatile.Write(ref _slots, grown);
            }

            slot = _used++;
        }

        registration.Slot = slot;
        registration.Tag = ++_nextTag == 0 ? ++_nextTag : _nextTag;
        Volatile.Write(ref _slots[slot], registration);
    }

    /// <summary>True while <paramref name="registration"/> holds its slot.</summary>
    public bool Contains(RtpReceiveRegistration registration) =>
        registration.Slot >= 0 && ReferenceEquals(Volatile.Read(ref _slots)[registration.Slot], registration);

    /// <summary>Frees the registration's slot; false when it held none.</summary>
    public bool Remove(RtpReceiveRegistration registration)
    {
        if (!Contains(registration))
        {
            return false;
        }

        Volatile.Write(ref _slots[registration.Slot], null);
        _free.Push(registration.Slot);
        registration.Slot = -1;
        return true;
    }

    /// <summary>Whatever is in <paramref name="slot"/>, without reading it (to prefetch it; <see cref="Find"/> checks the tag).</summary>
    public RtpReceiveRegistration? Peek(int slot)
    {
        var slots = Volatile.Read(ref _slots);
        return (uint)slot < (uint)slots.Length ? slots[slot] : null;
    }

    /// <summary>The registration in <paramref name="slot"/> if it still carries <paramref name="tag"/>.</summary>
    public RtpReceiveRegistration? Find(int slot, uint tag)
    {
        var slots = Volatile.Read(ref _slots);
        if ((uint)slot >= (uint)slots.Length)
        {
            return null;
        }

        var registration = Volatile.Read(ref slots[slot]);
        return registration is not null && registration.Tag == tag ? registration : null;
    }
}
