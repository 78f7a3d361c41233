namespace Switchboard.MediaLoad;

/// <summary>One-way transit times: 10 µs buckets up to 100 ms, then 1 ms buckets up to 60 s (a backlog shows as such).</summary>
internal sealed class TransitHistogram
{
    private const int FineBuckets = 10_000;
    private readonly long[] _buckets = new long[FineBuckets + 59_900];

    public long Count { get; private set; }

    public double MinMicros { get; private set; } = double.MaxValue;

    public double MaxMicros { get; private set; }

    public void Add(double micros)
    {
        int b = micros < 100_000 ? (int)(micros / 10) : FineBuckets + (int)((micros - 100_000) / 1000);
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
                return i < FineBuckets ? (i + 1) * 10.0 : 100_000 + ((i - FineBuckets + 1) * 1000.0);
            }
        }

        return MaxMicros;
    }
}
