namespace Switchboard.Common.Media;

/// <summary>
/// The objects that handling a received RTP packet will touch (the leg, its source filter and statistics, the relay,
/// the other leg and its socket), collected now and then by an RTP thread so that it can prefetch them for a whole
/// batch of datagrams before handling the first. With thousands of legs each of them is a cache miss; misses issued
/// together overlap, one after the other they add up. Stale entries cost a wasted prefetch, nothing else.
/// </summary>
public ref struct RtpPrefetchList
{
    private readonly Span<object?> _objects;
    private readonly Span<byte> _lines;

    public RtpPrefetchList(Span<object?> objects, Span<byte> lines)
    {
        if (lines.Length < objects.Length)
        {
            throw new ArgumentException("one line count per object is needed", nameof(lines));
        }

        _objects = objects;
        _lines = lines;
        Count = 0;
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="item"/> with the number of its cache lines to fetch; null and overflow are ignored.</summary>
    public void Add(object? item, int lines = 1)
    {
        if (item is null || Count == _objects.Length)
        {
            return;
        }

        _objects[Count] = item;
        _lines[Count] = (byte)Math.Clamp(lines, 1, 8);
        Count++;
    }
}
