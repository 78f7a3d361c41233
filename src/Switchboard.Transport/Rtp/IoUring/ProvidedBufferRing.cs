using System.Runtime.InteropServices;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// A provided-buffer ring (IORING_REGISTER_PBUF_RING, Linux 5.19): a pool of equal receive buffers the kernel picks
/// from for every multishot receive of the ring, so thousands of sockets share one pool instead of each holding a
/// buffer. A buffer comes back in a CQE by id and is handed back with <see cref="Recycle"/> once consumed.
/// </summary>
internal sealed unsafe class ProvidedBufferRing
{
    private const int EntrySize = 16;
    private readonly byte* _ring;
    private readonly byte* _buffers;
    private readonly int _count;
    private readonly int _size;
    private readonly uint _mask;
    private readonly int[] _holders;
    private ushort _tail;

    private ProvidedBufferRing(byte* ring, byte* buffers, int count, int size)
    {
        _ring = ring;
        _buffers = buffers;
        _count = count;
        _size = size;
        _mask = (uint)count - 1;
        _holders = new int[count];
    }

    public ushort GroupId { get; private init; }

    public int BufferSize => _size;

    /// <summary>
    /// Maps the ring, allocates <paramref name="count"/> (a power of two) buffers of <paramref name="size"/> bytes
    /// (touched only when the kernel first fills them), registers them as group <paramref name="groupId"/> and
    /// provides them all. Null with errno when the kernel refuses (before 5.19).
    /// </summary>
    public static ProvidedBufferRing? TryRegister(IoUringRing ring, ushort groupId, int count, int size, out int errno)
    {
        nuint ringBytes = (nuint)(count * EntrySize);
        nint mapped = Mmap(0, ringBytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (mapped == -1)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        nint buffers = Mmap(0, (nuint)count * (nuint)size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (buffers == -1)
        {
            errno = Marshal.GetLastPInvokeError();
            _ = Munmap(mapped, ringBytes);
            return null;
        }

        // struct io_uring_buf_reg { u64 ring_addr; u32 ring_entries; u16 bgid; u16 flags; u64 resv[3]; }
        byte* registration = stackalloc byte[40];
        new Span<byte>(registration, 40).Clear();
        *(ulong*)registration = (ulong)mapped;
        *(uint*)(registration + 8) = (uint)count;
        *(ushort*)(registration + 12) = groupId;
        if (Register(ring.Fd, RegisterPbufRing, registration, 1) < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            _ = Munmap(buffers, (nuint)count * (nuint)size);
            _ = Munmap(mapped, ringBytes);
            return null;
        }

        errno = 0;
        var provided = new ProvidedBufferRing((byte*)mapped, (byte*)buffers, count, size) { GroupId = groupId };
        for (int id = 0; id < count; id++)
        {
            provided.Recycle((ushort)id);
        }

        return provided;
    }

    /// <summary>The memory of buffer <paramref name="id"/>.</summary>
    public byte* this[int id] => _buffers + ((nint)id * _size);

    /// <summary>
    /// True when <paramref name="length"/> bytes at <paramref name="data"/> lie inside one buffer of this pool (a
    /// received datagram being sent on), with that buffer's id.
    /// </summary>
    public bool TryFind(byte* data, int length, out ushort id)
    {
        long offset = data - _buffers;
        id = 0;
        if (offset < 0 || offset >= (long)_count * _size || (offset % _size) + length > _size)
        {
            return false;
        }

        id = (ushort)(offset / _size);
        return true;
    }

    /// <summary>The thread takes buffer <paramref name="id"/> from a completion (one holder: the delivery).</summary>
    public void Take(ushort id)
    {
        if (id < _count)
        {
            _holders[id] = 1;
        }
    }

    /// <summary>Another holder of a taken buffer (a queued send that points into it instead of copying it).</summary>
    public void Hold(ushort id) => _holders[id]++;

    /// <summary>A holder is done; the last one gives the buffer back to the kernel.</summary>
    public void Release(ushort id)
    {
        if (id < _count && --_holders[id] <= 0)
        {
            _holders[id] = 0;
            Recycle(id);
        }
    }

    /// <summary>Gives buffer <paramref name="id"/> back to the kernel.</summary>
    public void Recycle(ushort id)
    {
        if (id >= _count)
        {
            return;
        }

        // struct io_uring_buf { u64 addr; u32 len; u16 bid; u16 resv; } — the ring's tail lives in bufs[0].resv.
        byte* entry = _ring + ((_tail & _mask) * EntrySize);
        *(ulong*)entry = (ulong)this[id];
        *(uint*)(entry + 8) = (uint)_size;
        *(ushort*)(entry + 12) = id;
        _tail++;
        Volatile.Write(ref *(ushort*)(_ring + 14), _tail);
    }
}
