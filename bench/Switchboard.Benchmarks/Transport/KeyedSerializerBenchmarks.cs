using BenchmarkDotNet.Attributes;
using Switchboard.Common.Threading;

namespace Switchboard.Benchmarks.Transport;

/// <summary>
/// Posting work to a KeyedSerializer and running it: one hot key (one call's serializer) and many keys (many calls).
/// Reported per posted item; the steady state should allocate nothing per post (queues are pooled).
/// </summary>
[MemoryDiagnoser]
public class KeyedSerializerBenchmarks
{
    private const int ItemsPerInvoke = 10_000;
    private static readonly Action<KeyedSerializerBenchmarks> Work = static self =>
    {
        if (Interlocked.Decrement(ref self._remaining) == 0)
        {
            self._done.Set();
        }
    };

    private readonly ManualResetEventSlim _done = new();
    private KeyedSerializer<int> _serializer = null!;
    private int _remaining;

    [Params(1, 64)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup() => _serializer = new KeyedSerializer<int>();

    [Benchmark(OperationsPerInvoke = ItemsPerInvoke)]
    public void PostAndRun()
    {
        _done.Reset();
        _remaining = ItemsPerInvoke;
        for (int i = 0; i < ItemsPerInvoke; i++)
        {
            _serializer.Post(i % Keys, Work, this);
        }

        _done.Wait();
    }
}
