namespace Switchboard.Common.Buffers;

/// <summary>
/// A rented array plus the number of bytes in use, with explicit ownership: exactly one owner disposes it, which
/// returns the array to its pool. Hand it to a new owner with <see cref="Transfer"/>, which empties the giver's copy
/// so a second <see cref="Dispose"/> there is harmless. Never dispose two copies of the same buffer.
/// </summary>
public struct PooledBuffer : IDisposable
{
    private byte[]? _array;
    private IBufferPool? _pool;
    private int _length;

    private PooledBuffer(byte[] array, IBufferPool pool, int length)
    {
        _array = array;
        _pool = pool;
        _length = length;
    }

    /// <summary>True while this copy owns an array.</summary>
    public readonly bool IsAllocated => _array is not null;

    /// <summary>Bytes in use (starts at the requested length).</summary>
    public int Length
    {
        readonly get => _length;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Capacity);
            _length = value;
        }
    }

    /// <summary>Size of the underlying array.</summary>
    public readonly int Capacity => _array?.Length ?? 0;

    /// <summary>The underlying array (whole capacity).</summary>
    public readonly byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public readonly Span<byte> Span => Array.AsSpan(0, _length);

    public readonly Memory<byte> Memory => Array.AsMemory(0, _length);

    /// <summary>Rents a buffer of <paramref name="length"/> bytes from <paramref name="pool"/> (the shared pool by default).</summary>
    public static PooledBuffer Rent(int length, IBufferPool? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        pool ??= ArrayBufferPool.Shared;
        return new PooledBuffer(pool.Rent(length), pool, length);
    }

    /// <summary>Rents a buffer holding a copy of <paramref name="data"/>.</summary>
    public static PooledBuffer CopyOf(ReadOnlySpan<byte> data, IBufferPool? pool = null)
    {
        var buffer = Rent(data.Length, pool);
        data.CopyTo(buffer.Array);
        return buffer;
    }

    /// <summary>Moves ownership out of this variable: returns the buffer and leaves this copy empty.</summary>
    public PooledBuffer Transfer()
    {
        var moved = this;
        this = default;
        return moved;
    }

    /// <summary>Returns the array to its pool (no-op on an empty copy).</summary>
    public void Dispose()
    {
        var array = _array;
        var pool = _pool;
        this = default;
        if (array is not null)
        {
            pool!.Return(array);
        }
    }
}
