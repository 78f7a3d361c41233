using System.Runtime.InteropServices;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// A ring's registered ("fixed") file table: the sockets of the ring thread's legs are entered here, so the SQEs that
/// send from them name a table slot (IOSQE_FIXED_FILE) and the kernel skips looking the descriptor up and taking a
/// reference to its file on every send. The table is registered sparse (all slots empty) once and filled slot by slot
/// with IORING_REGISTER_FILES_UPDATE from the ring's own thread (the ring is single-issuer). A slot holds its own
/// reference to the socket's file, so a socket leaves the table before its descriptor is closed.
/// </summary>
internal sealed unsafe class FixedFileTable
{
    private readonly IoUringRing _ring;
    private readonly Stack<int> _free;

    private FixedFileTable(IoUringRing ring, int size)
    {
        _ring = ring;
        Size = size;
        _free = new Stack<int>(size);
        for (int i = size - 1; i >= 0; i--)
        {
            _free.Push(i);
        }
    }

    public int Size { get; }

    /// <summary>Slots in use.</summary>
    public int Used => Size - _free.Count;

    /// <summary>
    /// Registers an empty table of up to <paramref name="size"/> slots (fewer when the open-files limit is lower);
    /// null when the kernel refuses (before 5.19, or no room at all).
    /// </summary>
    public static FixedFileTable? TryRegister(IoUringRing ring, int size)
    {
        // struct io_uring_rsrc_register { u32 nr; u32 flags; u64 resv2; u64 data; u64 tags; }
        byte* register = stackalloc byte[32];
        for (int n = size; n >= 256; n /= 4)
        {
            new Span<byte>(register, 32).Clear();
            *(uint*)register = (uint)n;
            *(uint*)(register + 4) = RsrcRegisterSparse;
            if (Register(ring.Fd, RegisterFiles2, register, 32) >= 0)
            {
                return new FixedFileTable(ring, n);
            }

            // EMFILE: the table may not be larger than RLIMIT_NOFILE; try a smaller one.
            if (Marshal.GetLastPInvokeError() != 24)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Enters <paramref name="fd"/> in a free slot; -1 when the table is full or the kernel refused.</summary>
    public int Add(int fd)
    {
        if (!_free.TryPop(out int slot))
        {
            return -1;
        }

        if (Update(slot, fd))
        {
            return slot;
        }

        _free.Push(slot);
        return -1;
    }

    /// <summary>Empties <paramref name="slot"/> (the table lets go of its file reference).</summary>
    public void Remove(int slot)
    {
        if (slot < 0)
        {
            return;
        }

        _ = Update(slot, -1);
        _free.Push(slot);
    }

    private bool Update(int slot, int fd)
    {
        // struct io_uring_files_update { u32 offset; u32 resv; u64 fds; }
        byte* update = stackalloc byte[16];
        int value = fd;
        *(uint*)update = (uint)slot;
        *(uint*)(update + 4) = 0;
        *(ulong*)(update + 8) = (ulong)&value;
        return Register(_ring.Fd, RegisterFilesUpdate, update, 1) == 1;
    }
}
