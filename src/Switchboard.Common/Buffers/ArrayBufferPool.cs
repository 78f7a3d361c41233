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

    /// <summary>The pool over <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static ArrayBufferPool Shared { get; } = new(ArrayPool<byte>.Shared);

    public byte[] Rent(int minimumLength) => _pool.Rent(minimumLength);

    public void Return(byte[] array) => _pool.Return(array);
}
