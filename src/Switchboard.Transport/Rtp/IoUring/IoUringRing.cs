using System.Runtime.InteropServices;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// One io_uring instance: the mapped submission and completion rings. Owned by one thread (created on it with
/// SINGLE_ISSUER and DEFER_TASKRUN where the kernel has them): it fills SQEs, submits them all with one
/// io_uring_enter that also waits for completions, and walks the CQEs. No locking; nothing allocated after creation.
/// </summary>
internal sealed unsafe class IoUringRing
{
    private readonly int _fd;
    private readonly byte* _sqRing;
    private readonly byte* _cqRing;
    private readonly byte* _sqes;
    private readonly uint* _sqHead;
    private readonly uint* _sqTail;
    private readonly uint* _sqArray;
    private readonly uint _sqMask;
    private readonly uint _sqEntries;
    private readonly uint* _cqHead;
    private readonly uint* _cqTail;
    private readonly byte* _cqes;
    private readonly uint _cqMask;
    private uint _sqLocalTail;
    private uint _submitted;

    private IoUringRing(int fd, byte* parameters, byte* sqRing, byte* cqRing, byte* sqes)
    {
        _fd = fd;
        _sqRing = sqRing;
        _cqRing = cqRing;
        _sqes = sqes;
        byte* sq = parameters + ParamSqOff;
        byte* cq = parameters + ParamCqOff;
        _sqHead = (uint*)(sqRing + *(uint*)(sq + SqOffHead));
        _sqTail = (uint*)(sqRing + *(uint*)(sq + SqOffTail));
        _sqArray = (uint*)(sqRing + *(uint*)(sq + SqOffArray));
        _sqMask = *(uint*)(sqRing + *(uint*)(sq + SqOffRingMask));
        _sqEntries = *(uint*)(sqRing + *(uint*)(sq + SqOffRingEntries));
        _cqHead = (uint*)(cqRing + *(uint*)(cq + CqOffHead));
        _cqTail = (uint*)(cqRing + *(uint*)(cq + CqOffTail));
        _cqes = cqRing + *(uint*)(cq + CqOffCqes);
        _cqMask = *(uint*)(cqRing + *(uint*)(cq + CqOffRingMask));
        _sqLocalTail = *_sqTail;
        _submitted = _sqLocalTail;
        Features = *(uint*)(parameters + ParamFeatures);
        Flags = *(uint*)(parameters + ParamFlags);
    }

    public int Fd => _fd;

    public uint Features { get; }

    public uint Flags { get; }

    /// <summary>The kernel honours a minimum wait time in io_uring_enter (IORING_FEAT_MIN_TIMEOUT).</summary>
    public bool HasMinTimeout => (Features & FeatMinTimeout) != 0;

    /// <summary>
    /// Longest a wait with a minimum wait sleeps when nothing completes: it then returns (as if interrupted) and the
    /// caller's loop waits again.
    /// </summary>
    public const int IdleWaitSeconds = 1;

    /// <summary>SQEs filled but not yet handed to the kernel.</summary>
    public uint Pending => _sqLocalTail - _submitted;

    /// <summary>
    /// Creates a ring with <paramref name="sqEntries"/> submission and <paramref name="cqEntries"/> completion entries,
    /// trying the cheapest task-run mode first and falling back for older kernels. Null (with errno) when the kernel
    /// has no io_uring, it is disabled (kernel.io_uring_disabled) or a seccomp filter refuses it (Docker's default).
    /// </summary>
    public static IoUringRing? TryCreate(uint sqEntries, uint cqEntries, out int errno)
    {
        uint[] modes =
        [
            SetupCqSize | SetupClamp | SetupSubmitAll | SetupSingleIssuer | SetupDeferTaskRun,
            SetupCqSize | SetupClamp | SetupSubmitAll | SetupCoopTaskRun,
            SetupCqSize | SetupClamp,
        ];
        errno = 0;
        byte* parameters = stackalloc byte[ParamsSize];
        foreach (uint flags in modes)
        {
            new Span<byte>(parameters, ParamsSize).Clear();
            *(uint*)(parameters + ParamFlags) = flags;
            *(uint*)(parameters + ParamCqEntries) = cqEntries;
            int fd = Setup(sqEntries, parameters);
            if (fd < 0)
            {
                errno = Marshal.GetLastPInvokeError();
                if (errno == 22)
                {
                    // EINVAL: a flag this kernel does not know; try the next mode.
                    continue;
                }

                return null;
            }

            var ring = Map(fd, parameters, out errno);
            if (ring is null)
            {
                _ = Close(fd);
            }

            return ring;
        }

        return null;
    }

    private static IoUringRing? Map(int fd, byte* parameters, out int errno)
    {
        errno = 0;
        uint features = *(uint*)(parameters + ParamFeatures);
        if ((features & FeatSingleMmap) == 0 || (features & FeatNoDrop) == 0 || (features & FeatCqeSkip) == 0)
        {
            // Kernels before 5.17: the engine relies on skipping successful send completions.
            errno = 95;
            return null;
        }

        uint sqEntries = *(uint*)(parameters + ParamSqEntries);
        uint cqEntries = *(uint*)(parameters + ParamCqEntries);
        nuint sqSize = *(uint*)(parameters + ParamSqOff + SqOffArray) + (sqEntries * 4);
        nuint cqSize = *(uint*)(parameters + ParamCqOff + CqOffCqes) + (cqEntries * CqeSize);
        nuint ringSize = Math.Max(sqSize, cqSize);
        nint rings = Mmap(0, ringSize, ProtRead | ProtWrite, MapShared | MapPopulate, fd, OffSqRing);
        if (rings == -1)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        nint sqes = Mmap(0, sqEntries * SqeSize, ProtRead | ProtWrite, MapShared | MapPopulate, fd, OffSqes);
        if (sqes == -1)
        {
            errno = Marshal.GetLastPInvokeError();
            _ = Munmap(rings, ringSize);
            return null;
        }

        return new IoUringRing(fd, parameters, (byte*)rings, (byte*)rings, (byte*)sqes);
    }

    /// <summary>
    /// The next free SQE, zeroed; submits what is pending first when the submission ring is full. Null only when the
    /// kernel cannot take more submissions until completions are reaped (the caller drops or retries the work).
    /// </summary>
    public byte* NextSqe()
    {
        if (_sqLocalTail - Volatile.Read(ref *_sqHead) >= _sqEntries)
        {
            Submit(0);
            if (_sqLocalTail - Volatile.Read(ref *_sqHead) >= _sqEntries)
            {
                return null;
            }
        }

        uint index = _sqLocalTail & _sqMask;
        byte* sqe = _sqes + (index * SqeSize);
        new Span<byte>(sqe, SqeSize).Clear();
        _sqArray[index] = index;
        _sqLocalTail++;
        return sqe;
    }

    /// <summary>
    /// Hands every pending SQE to the kernel and, when <paramref name="waitFor"/> &gt; 0, waits until that many
    /// completions are available (an interrupted wait returns early). With <paramref name="minWaitMicros"/> (kernels
    /// with IORING_FEAT_MIN_TIMEOUT, 6.12) the wait returns after that long as soon as one completion is there, so a
    /// trickle of completions is gathered into one batch instead of one wake each; with none there, it sleeps on until
    /// the first completion (or <see cref="IdleWaitSeconds"/>). SQEs the kernel could not take yet (its completion
    /// queue overflowed: reap first) stay pending for the next call. False on any other error.
    /// </summary>
    public bool Submit(uint waitFor, uint minWaitMicros = 0)
    {
        // struct io_uring_getevents_arg { u64 sigmask; u32 sigmask_sz; u32 min_wait_usec; u64 ts; }
        byte* extended = stackalloc byte[24];
        new Span<byte>(extended, 24).Clear();
        bool useMinWait = minWaitMicros > 0 && waitFor > 1 && HasMinTimeout;
        *(uint*)(extended + 12) = minWaitMicros;

        // ts points to the wait's overall limit (struct __kernel_timespec { s64 tv_sec; s64 tv_nsec; }). Without one
        // the kernel ends the wait when the minimum wait expires even if nothing completed, so an idle ring would wake
        // every minWaitMicros (thousands of times a second per RTP thread, for as long as the process runs).
        long* limit = stackalloc long[2];
        limit[0] = IdleWaitSeconds;
        limit[1] = 0;
        *(ulong*)(extended + 16) = (ulong)limit;
        if (!useMinWait && waitFor > 1)
        {
            // Without a minimum wait, waiting for several would hold the first completion until more arrive.
            waitFor = 1;
        }

        for (int attempt = 0; attempt < 3; attempt++)
        {
            uint pending = _sqLocalTail - _submitted;
            Volatile.Write(ref *_sqTail, _sqLocalTail);
            uint flags = waitFor > 0 || (Flags & SetupDeferTaskRun) != 0 ? EnterGetEvents : 0;
            int result = useMinWait
                ? EnterWithArgument(_fd, pending, waitFor, flags | EnterExtArg, extended, 24)
                : Enter(_fd, pending, waitFor, flags);
            if (result >= 0)
            {
                _submitted += (uint)result;
                return true;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == EIntr || (errno == ETime && useMinWait))
            {
                if (pending == 0)
                {
                    return true;
                }

                continue;
            }

            return errno is EAgain or EBusy;
        }

        return true;
    }

    /// <summary>Reads the next completion; false when the completion ring is empty.</summary>
    public bool TryPeek(out ulong userData, out int result, out uint flags)
    {
        uint head = *_cqHead;
        if (head == Volatile.Read(ref *_cqTail))
        {
            userData = 0;
            result = 0;
            flags = 0;
            return false;
        }

        byte* cqe = _cqes + ((head & _cqMask) * CqeSize);
        userData = *(ulong*)cqe;
        result = *(int*)(cqe + 8);
        flags = *(uint*)(cqe + 12);
        return true;
    }

    /// <summary>Releases the completion read by <see cref="TryPeek"/> to the kernel.</summary>
    public void Advance() => Volatile.Write(ref *_cqHead, *_cqHead + 1);
}
