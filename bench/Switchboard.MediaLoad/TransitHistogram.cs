namespace Switchboard.MediaLoad;

/// <summary>One-way transit times in 10 µs buckets up to 2 s.</summary>
internal sealed class TransitHistogram
{
    private const int BucketMicros = 10;
    private readonly long[] _buckets = new long[200_000];

    public long Count { get; private set; }

    public double MinMicros { get; private set; } = double.MaxValue;

    public double MaxMicros { get; private set; }

    public void Add(double micros)
    {
        int b = (int)(micros / BucketMicros);
        _buckets[Math.Clamp(b, 0, _buckets.Length - 1)]++;
        Count++;
        MinMicros = Math.Min(MinMicros, micros);
        MaxMicros = Math.Max(MaxMicros, micros);
    }

    public void Merge(TransitHistogram other)
    {
        for (int i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += other._buckets[i];
        }

        Count += other.Count;
        MinMicros = Math.Min(MinMicros, other.MinMicros);
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(p / 100 * Count);
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                return (i + 1) * BucketMicros;
            }
        }

        return MaxMicros;
    }
}
