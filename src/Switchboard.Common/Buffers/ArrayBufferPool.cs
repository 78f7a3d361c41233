using System.Buffers;

namespace Switchboard.Common.Buffers;

/// <summary><see cref="IBufferPool"/> over an <see cref="ArrayPool{T}"/> (the process-wide shared pool by default).</summary>
public sealed class ArrayBufferPool : IBufferPool
{
    private readonly ArrayPool<byte> _pool;

    public ArrayBufferPool(ArrayPool<byte> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
    }

    /// <summary>The pool over <see cref="ArrayPool{T}.Shared"/>: for buffers rented and returned on one thread.</summary>
    public static ArrayBufferPool Shared { get; } = new(ArrayPool<byte>.Shared);

    /// <summary>
    /// A process-wide pool for message buffers that are rented on one thread and returned on another (send queues).
    /// The shared pool caches per thread and per core, only a few arrays deep, so such hand-offs would allocate under
    /// load; this one keeps up to 256 arrays of each size up to 128 KiB.
    /// </summary>
    public static ArrayBufferPool Messages { get; } = new(ArrayPool<byte>.Create(128 * 1024, 256));

    public byte[] Rent(int minimumLength) => _pool.Rent(minimumLength);

    public void Return(byte[] array) => _pool.Return(array);
}
