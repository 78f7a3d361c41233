using System.Collections.Concurrent;
using System.Globalization;
using Switchboard.Core.Bridges;

namespace Switchboard.Core.Channels;

/// <summary>
/// Every live channel by name, with Asterisk's naming: <c>TECH/resource-XXXXXXXX</c> (a process-wide hex sequence)
/// and unique ids <c>epoch.sequence</c>. Thread-safe.
/// </summary>
public sealed class ChannelRegistry
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _epoch;
    private int _sequence;
    private int _unique;
    private long _callsProcessed;
    private IChannelObserver[] _observers = [];

    public ChannelRegistry(TimeProvider time) => _epoch = time.GetUtcNow().ToUnixTimeSeconds();

    public int Count => _channels.Count;

    /// <summary>Calls (inbound channels) handled since start (<c>core show calls</c>).</summary>
    public long CallsProcessed => Interlocked.Read(ref _callsProcessed);

    public string NextName(string technology, string resource)
        => technology + "/" + resource + "-" + ((uint)Interlocked.Increment(ref _sequence)).ToString("x8", CultureInfo.InvariantCulture);

    public string NextUniqueId()
        => _epoch.ToString(CultureInfo.InvariantCulture) + "." + Interlocked.Increment(ref _unique).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds an observer of every channel added from now on (AMI events, CDR, hints).</summary>
    public void AddObserver(IChannelObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_channels)
        {
            _observers = [.. _observers, observer];
        }
    }

    public void Add(Channel channel)
    {
        _channels[channel.Name] = channel;
        channel.Registry = this;
        foreach (var o in Volatile.Read(ref _observers))
        {
            o.OnNewChannel(channel);
        }
    }

    public void CountCall() => Interlocked.Increment(ref _callsProcessed);

    public bool Remove(Channel channel)
    {
        if (!_channels.TryRemove(new KeyValuePair<string, Channel>(channel.Name, channel)))
        {
            return false;
        }

        foreach (var o in Volatile.Read(ref _observers))
        {
            o.OnHangup(channel);
        }

        return true;
    }

    internal void NotifyStateChanged(Channel channel)
    {
        if (!_channels.ContainsKey(channel.Name))
        {
            return;
        }

        foreach (var o in Volatile.Read(ref _observers))
        {
            o.OnStateChanged(channel);
        }
    }

    public void NotifyDialBegin(Channel caller, Channel callee, string dialString)
    {
        foreach (var o in Volatile.Read(ref _observers))
        {
            o.OnDialBegin(caller, callee, dialString);
        }
    }

    public void NotifyDialEnd(Channel caller, Channel callee, string dialStatus)
    {
        foreach (var o in Volatile.Read(ref _observers))
        {
            o.OnDialEnd(caller, callee, dialStatus);
        }
    }

    public void NotifyBridge(Bridge bridge, Channel channel, bool entered)
    {
        foreach (var o in Volatile.Read(ref _observers))
        {
            if (entered)
            {
                o.OnBridgeEnter(bridge, channel);
            }
            else
            {
                o.OnBridgeLeave(bridge, channel);
            }
        }
    }

    public bool TryGet(string name, out Channel channel) => _channels.TryGetValue(name, out channel!);

    /// <summary>A snapshot sorted by creation.</summary>
    public List<Channel> Snapshot()
    {
        var list = new List<Channel>(_channels.Values);
        list.Sort(static (a, b) => a.Created.CompareTo(b.Created));
        return list;
    }

    /// <summary>Live channels of one endpoint (PJSIP/ep-...).</summary>
    public int CountFor(string technology, string resource)
    {
        int n = 0;
        foreach (var c in _channels.Values)
        {
            if (c.Resource.Equals(resource, StringComparison.OrdinalIgnoreCase) && c.Technology.Equals(technology, StringComparison.OrdinalIgnoreCase))
            {
                n++;
            }
        }

        return n;
    }
}
