using System.Buffers;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A copy of a message kept for retransmission, in an array rented from <see cref="ArrayPool{T}.Shared"/>. A
/// mutable struct: keep it in a field and call its methods on the field, never on a copy.
/// </summary>
internal struct RetainedBytes
{
    private byte[]? _array;
    private int _length;

    public readonly bool HasValue => _array is not null;

    public readonly ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, _length);

    public readonly ReadOnlyMemory<byte> Memory => _array is null ? default : _array.AsMemory(0, _length);

    /// <summary>Copies <paramref name="bytes"/>, reusing the array when it is large enough.</summary>
    public void Set(ReadOnlySpan<byte> bytes)
    {
        if (_array is null || _array.Length < bytes.Length)
        {
            Release();
            _array = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 16));
        }

        bytes.CopyTo(_array);
        _length = bytes.Length;
    }

    /// <summary>Rents room for <paramref name="length"/> bytes and returns it for writing.</summary>
    public Memory<byte> Reserve(int length)
    {
        Release();
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(length, 16));
        _length = length;
        return _array.AsMemory(0, length);
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Release()
    {
        byte[]? a = _array;
        _array = null;
        _length = 0;
        if (a is not null)
        {
            ArrayPool<byte>.Shared.Return(a);
        }
    }
}
