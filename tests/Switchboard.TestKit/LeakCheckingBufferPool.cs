using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Switchboard.Common.Buffers;

namespace Switchboard.TestKit;

/// <summary>
/// <see cref="IBufferPool"/> for tests: every rented array is tracked until it comes back; returning an array twice
/// or one that was not rented here throws; returned arrays are filled with <see cref="Poison"/> so a use after
/// return shows up as garbage. <see cref="AssertNoLeaks"/> fails with the renters' stack traces when enabled.
/// </summary>
public sealed class LeakCheckingBufferPool : IBufferPool
{
    /// <summary>Byte written over returned arrays.</summary>
    public const byte Poison = 0xDB;

    private readonly ConcurrentDictionary<byte[], string?> _outstanding = new(ReferenceEqualityComparer.Instance);
    private readonly bool _captureStacks;
    private long _rented;
    private long _returned;

    public LeakCheckingBufferPool(bool captureStacks = false) => _captureStacks = captureStacks;

    /// <summary>Arrays rented and not yet returned.</summary>
    public int Outstanding => _outstanding.Count;

    public long TotalRented => Interlocked.Read(ref _rented);

    public long TotalReturned => Interlocked.Read(ref _returned);

    public byte[] Rent(int minimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);

        // A fresh array every time: reuse would hide use-after-return bugs.
        var array = new byte[Math.Max(minimumLength, 1)];
        Array.Fill(array, Poison);
        _outstanding[array] = _captureStacks ? new StackTrace(1, true).ToString() : null;
        Interlocked.Increment(ref _rented);
        return array;
    }

    public void Return(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!_outstanding.TryRemove(array, out _))
        {
            throw new InvalidOperationException(
                $"Array of {array.Length} bytes returned twice or not rented from this pool.");
        }

        Array.Fill(array, Poison);
        Interlocked.Increment(ref _returned);
    }

    /// <summary>Throws when arrays are still outstanding.</summary>
    public void AssertNoLeaks()
    {
        if (_outstanding.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(_outstanding.Count).Append(" pooled buffer(s) never returned.");
        foreach (var (array, stack) in _outstanding)
        {
            text.AppendLine().Append("- ").Append(array.Length).Append(" bytes");
            if (stack is not null)
            {
                text.AppendLine(", rented at:").Append(stack);
            }
        }

        throw new InvalidOperationException(text.ToString());
    }

    /// <summary>Waits (bounded) until nothing is outstanding, for code that returns buffers on another thread.</summary>
    public bool WaitForNoLeaks(TimeSpan timeout)
    {
        return SpinWait.SpinUntil(() => _outstanding.IsEmpty, timeout);
    }
}
