using System.Buffers.Binary;
using Switchboard.AutoBan.Addressing;
using Switchboard.Transport.Admission;

namespace Switchboard.AutoBan.Enforcement;

/// <summary>
/// AutoBan's in-process layer: drops traffic from jailed or blacklisted (and not whitelisted) addresses before any
/// parsing. Lookups read an immutable snapshot (hash sets of UInt32 for IPv4, UInt128 for IPv6) that the policy
/// replaces atomically on change: no lock, no allocation per packet.
/// </summary>
public sealed class AutoBanAdmissionFilter : IAdmissionFilter
{
    private readonly HashSet<uint> _v4 = [];
    private readonly HashSet<UInt128> _v6 = [];
    private readonly UInt128 _v6Mask;
    private Snapshot _snapshot = Snapshot.Empty;
    private bool _dirty;
    private long _dropped;

    public AutoBanAdmissionFilter(int ipv6PrefixLength = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ipv6PrefixLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ipv6PrefixLength, 128);
        _v6Mask = BanAddress.V6Mask(ipv6PrefixLength);
    }

    /// <summary>Packets and connections refused so far.</summary>
    public long DroppedPackets => Interlocked.Read(ref _dropped);

    /// <summary>Addresses (or IPv6 networks) currently dropped.</summary>
    public int BlockedCount
    {
        get
        {
            var s = Volatile.Read(ref _snapshot);
            return s.V4.Count + s.V6.Count;
        }
    }

    public bool Admit(ReadOnlySpan<byte> address)
    {
        var s = Volatile.Read(ref _snapshot);
        if (s.IsEmpty)
        {
            return true;
        }

        if (address.Length == 4)
        {
            if (!s.V4.Contains(BinaryPrimitives.ReadUInt32BigEndian(address)))
            {
                return true;
            }
        }
        else if (address.Length == 16)
        {
            var value = BinaryPrimitives.ReadUInt128BigEndian(address);
            if ((value >> 32) == 0xFFFF)
            {
                if (!s.V4.Contains((uint)value))
                {
                    return true;
                }
            }
            else if (!s.V6.Contains(value & _v6Mask))
            {
                return true;
            }
        }
        else
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>True when traffic from <paramref name="address"/> is currently dropped.</summary>
    public bool IsBlocked(BanAddress address)
    {
        var s = Volatile.Read(ref _snapshot);
        return address.IsV6 ? s.V6.Contains(address.Value & _v6Mask) : s.V4.Contains(address.V4);
    }

    /// <summary>Marks an address blocked or not; takes effect at <see cref="Publish"/>. Single writer (the policy's lock).</summary>
    internal void SetBlocked(BanAddress address, bool blocked)
    {
        bool changed = address.IsV6
            ? (blocked ? _v6.Add(address.Value) : _v6.Remove(address.Value))
            : (blocked ? _v4.Add(address.V4) : _v4.Remove(address.V4));
        _dirty |= changed;
    }

    /// <summary>Publishes the pending changes as a new snapshot (copy on write).</summary>
    internal void Publish()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        Volatile.Write(ref _snapshot, new Snapshot(new HashSet<uint>(_v4), new HashSet<UInt128>(_v6)));
    }

    private sealed class Snapshot(HashSet<uint> v4, HashSet<UInt128> v6)
    {
        public static readonly Snapshot Empty = new([], []);

        public HashSet<uint> V4 { get; } = v4;

        public HashSet<UInt128> V6 { get; } = v6;

        public bool IsEmpty { get; } = v4.Count == 0 && v6.Count == 0;
    }
}
