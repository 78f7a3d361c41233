using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// One RTP thread on io_uring. Every registered socket has one multishot RECVMSG armed on the ring, filling buffers of
/// a shared provided-buffer pool; the thread waits in io_uring_enter, walks the completions, hands each datagram to
/// its socket's owner synchronously (the relay), and the relay's sends made on this thread are queued as SQEs
/// (<see cref="RingSendBatch"/>) that the next io_uring_enter submits together with the wait. A batch of N relayed
/// datagrams therefore costs one system call instead of N receives, N sends and an epoll wait.
/// Other threads talk to the ring only through a command queue and an eventfd (the ring is single-issuer).
/// </summary>
internal sealed unsafe class RtpRingLoop : RtpReceiveThread
{
    private const byte KindReceive = 1;
    private const byte KindSend = 2;
    private const byte KindWake = 3;
    private const byte KindCancel = 4;
    private const byte KindProbe = 5;
    private const int NameSpace = 28;
    private const int HeaderSize = 16 + NameSpace;
    private const int MaxFailedArms = 3;
    private const int FixedFiles = 65536;

    /// <summary>
    /// Completions taken from the queue at a time: their sockets' objects are prefetched together before any is handled
    /// (see <see cref="RtpPrefetchList"/>); small enough that what is fetched for the first is still in L1 when it runs.
    /// </summary>
    private const int Chunk = 16;

    /// <summary>Cache lines of a registration: its fields and its prefetch list.</summary>
    private const int RegistrationLines = 5;

    [ThreadStatic]
    private static RtpRingLoop? t_current;

    /// <summary>
    /// Completions a wait tries to gather, for at most <see cref="BatchWaitMicros"/> once the first is there
    /// (SWITCHBOARD_RTP_BATCH=count,microseconds; 1 or 0 turns gathering off).
    /// </summary>
    private static readonly uint BatchTarget = ReadBatch(0, 128);

    private static readonly uint BatchWaitMicros = ReadBatch(1, 300);

    /// <summary>
    /// Receive buffers in the thread's pool (SWITCHBOARD_RTP_POOL, a power of two from 64 to 32768). The kernel takes
    /// them in ring order, so the whole pool cycles through the CPU cache: a pool that covers a few milliseconds of
    /// traffic keeps it warm, while a burst larger than the pool only ends the receives that found it empty until the
    /// thread catches up (they are re-armed; the datagrams wait in their sockets).
    /// </summary>
    private static readonly int PoolBuffers = ReadPool(1024);

    private readonly ConcurrentQueue<(bool Add, RtpReceiveRegistration Registration)> _commands = new();
    private readonly ManualResetEventSlim _ready = new();
    private readonly List<RtpReceiveRegistration> _unarmed = [];
    private readonly RtpRegistrationTable _table = new();
    private readonly ulong[] _chunkUserData = new ulong[Chunk];
    private readonly int[] _chunkResult = new int[Chunk];
    private readonly uint[] _chunkFlags = new uint[Chunk];
    private readonly RtpReceiveRegistration?[] _chunkRegistrations = new RtpReceiveRegistration?[Chunk];
    private IoUringRing? _ring;
    private ProvidedBufferRing? _buffers;
    private RingSendBatch? _sends;
    private FixedFileTable? _files;
    private byte* _receiveHeader;
    private byte* _wakeBuffer;
    private int _eventFd = -1;
    private int _count;
    private long _sendFailures;
    private long _truncated;
    private string? _startError;
    private bool _wakeArmed;

    /// <summary>The ring loop running on the calling thread, if any (its sends are batched).</summary>
    public static RtpRingLoop? Current => t_current;

    public override int Count => Volatile.Read(ref _count);

    public override long SendsRefused => Interlocked.Read(ref _sendFailures);

    public override long OversizedDropped => Interlocked.Read(ref _truncated);

    /// <summary>True when sends name their socket by its slot in the ring's registered file table.</summary>
    public bool UsesFixedFiles => _files is not null;

    /// <summary>True when sends are IORING_OP_SEND with the destination in the SQE (else SENDMSG).</summary>
    public bool SendsWithAddress => _sends?.SendWithAddress ?? false;

    /// <summary>Starts the thread and its ring; null with the reason when io_uring is not usable here.</summary>
    public static RtpRingLoop? TryCreate(int index, out string? error)
    {
        var loop = new RtpRingLoop();
        var thread = new Thread(loop.Run) { IsBackground = true, Name = $"rtp-ring-{index}", Priority = ThreadPriority.AboveNormal };
        thread.Start();
        loop._ready.Wait();
        error = loop._startError;
        return error is null ? loop : null;
    }

    public override bool TryAdd(RtpReceiveRegistration registration)
    {
        registration.Loop = this;
        registration.Released = new ManualResetEventSlim(false);
        Interlocked.Increment(ref _count);
        if (t_current == this)
        {
            Add(registration);
        }
        else
        {
            _commands.Enqueue((true, registration));
            Wake();
        }

        return true;
    }

    public override void Remove(RtpReceiveRegistration registration)
    {
        if (registration.Closed)
        {
            return;
        }

        registration.Closed = true;
        Interlocked.Decrement(ref _count);
        if (t_current == this)
        {
            // Called from a datagram handler: the cancel goes out with the next submission; the kernel keeps its own
            // reference to the socket until then, so closing the descriptor now is safe.
            Cancel(registration);
            return;
        }

        _commands.Enqueue((false, registration));
        Wake();
        registration.Released?.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Queues a datagram on this thread's batch; false when it must be sent directly instead. With the socket's
    /// registration on this ring, the send names it by its fixed-file slot.
    /// </summary>
    public bool TryQueueSend(SafeHandle handle, int fd, RtpReceiveRegistration? registration, ReadOnlySpan<byte> packet, SocketAddress destination)
    {
        var sends = _sends!;
        if (sends.Count == sends.Capacity)
        {
            _ring!.Submit(0);
            if (_ring.Pending == 0)
            {
                sends.Complete();
            }
        }

        int fixedSlot = registration is not null && ReferenceEquals(registration.Loop, this) ? registration.FixedSlot : -1;
        return sends.TryQueue(_ring!, handle, fd, fixedSlot, packet, destination, UserData(KindSend, 0, 0));
    }

    private static int ReadPool(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("SWITCHBOARD_RTP_POOL"), out int count) && count is >= 64 and <= 32768 && (count & (count - 1)) == 0
            ? count
            : fallback;

    private static uint ReadBatch(int part, uint fallback)
    {
        string[] parts = (Environment.GetEnvironmentVariable("SWITCHBOARD_RTP_BATCH") ?? string.Empty).Split(',');
        return parts.Length == 2 && uint.TryParse(parts[part], out uint value) ? value : fallback;
    }

    private static ulong UserData(byte kind, int slot, uint tag) => ((ulong)tag << 32) | ((ulong)kind << 24) | (uint)slot;

    private void Run()
    {
        RtpThreadPriority.ApplyToCurrentThread();
        if (!Start())
        {
            _ready.Set();
            return;
        }

        t_current = this;
        _ready.Set();
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        var ring = _ring!;
        while (true)
        {
            // Hand the batch to the kernel before waiting, so the sockets' handles are released at once: a socket
            // being disposed waits for them, and the wait below may last until the next datagram.
            FlushSends();
            if (!ring.Submit(BatchTarget, BatchWaitMicros))
            {
                // Not expected on a working ring; do not spin.
                Thread.Sleep(1);
            }

            int taken;
            while ((taken = TakeChunk(ring)) > 0)
            {
                PrefetchChunk(taken);
                for (int i = 0; i < taken; i++)
                {
                    Dispatch(_chunkUserData[i], _chunkResult[i], _chunkFlags[i], v4, v6);
                }
            }

            RunCommands();
            if (!_wakeArmed)
            {
                ArmWake();
            }

            if (_unarmed.Count > 0)
            {
                RetryArms();
            }
        }
    }

    /// <summary>Copies up to <see cref="Chunk"/> completions out of the queue (their queue entries are free again).</summary>
    private int TakeChunk(IoUringRing ring)
    {
        int taken = 0;
        while (taken < Chunk && ring.TryPeek(out ulong userData, out int result, out uint flags))
        {
            ring.Advance();
            _chunkUserData[taken] = userData;
            _chunkResult[taken] = result;
            _chunkFlags[taken] = flags;
            taken++;
        }

        return taken;
    }

    /// <summary>
    /// Prefetches, for every received datagram of the chunk, its socket's registration, then every object on that
    /// registration's prefetch list (leg, filter, relay, the other leg and its socket ...): the cache misses of the
    /// whole chunk overlap instead of stalling one packet after the other.
    /// </summary>
    private void PrefetchChunk(int taken)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        var registrations = _chunkRegistrations;
        for (int i = 0; i < taken; i++)
        {
            ulong userData = _chunkUserData[i];
            var registration = (byte)(userData >> 24) == KindReceive ? _table.Peek((int)(userData & 0xFFFFFF)) : null;
            registrations[i] = registration;
            Prefetch(registration, RegistrationLines);
        }

        for (int i = 0; i < taken; i++)
        {
            var registration = registrations[i];
            registrations[i] = null;
            if (registration is null || registration.Tag != (uint)(_chunkUserData[i] >> 32))
            {
                continue;
            }

            int count = registration.PrefetchCount;
            for (int j = 0; j < count; j++)
            {
                Prefetch(registration.Prefetch[j], registration.PrefetchLineCounts[j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(object? item, int lines)
    {
        if (item is null)
        {
            return;
        }

        // The object's address; prefetching never faults, so an object the GC has just moved costs a wasted fetch.
        byte* address = (byte*)Unsafe.As<object, nint>(ref item);
        for (int line = 0; line < lines; line++)
        {
            Sse.Prefetch0(address + (line * 64));
        }
    }

    private bool Start()
    {
        if (!OperatingSystem.IsLinux() || Environment.OSVersion.Version < new Version(6, 0))
        {
            // Multishot RECVMSG needs Linux 6.0.
            _startError = "io_uring multishot receive needs Linux 6.0 or later";
            return false;
        }

        _ring = IoUringRing.TryCreate(4096, 16384, out int errno);
        if (_ring is null)
        {
            _startError = $"io_uring_setup failed (errno {errno})";
            return false;
        }

        _buffers = ProvidedBufferRing.TryRegister(_ring, 0, PoolBuffers, 2048, out errno);
        if (_buffers is null)
        {
            _startError = $"provided buffer ring refused (errno {errno})";
            return false;
        }

        _eventFd = EventFd(0, EfdCloexec);
        if (_eventFd < 0)
        {
            _startError = $"eventfd failed (errno {Marshal.GetLastPInvokeError()})";
            return false;
        }

        _sends = new RingSendBatch(512, _buffers);
        _sends.SendWithAddress = ProbeSendWithAddress();
        _files = FixedFileTable.TryRegister(_ring, FixedFiles);
        _wakeBuffer = (byte*)NativeMemory.AllocZeroed(8);

        // The msghdr every multishot receive is prepared from: room for an IPv6 source address, no control data,
        // no iovec (the buffer comes from the pool).
        _receiveHeader = (byte*)NativeMemory.AllocZeroed(56 + 32);
        *(ulong*)_receiveHeader = (ulong)(_receiveHeader + 56);
        *(uint*)(_receiveHeader + 8) = NameSpace;
        ArmWake();
        if (!_ring.Submit(0) || _ring.Pending != 0)
        {
            _startError = "io_uring refused the first submission";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Sends one datagram over loopback with IORING_OP_SEND and the destination in the SQE, and checks it arrived from
    /// the sending socket: kernels that predate the address field refuse it or send nowhere, and the ring then keeps
    /// SENDMSG. Runs before anything else is armed, so the only completion is the probe's.
    /// </summary>
    private bool ProbeSendWithAddress()
    {
        try
        {
            using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var destination = receiver.LocalEndPoint!.Serialize();
            byte* address = stackalloc byte[32];
            byte* payload = stackalloc byte[4];
            *(uint*)payload = 0x53424F4B;
            destination.Buffer.Span[..destination.Size].CopyTo(new Span<byte>(address, 32));
            byte* sqe = _ring!.NextSqe();
            if (sqe is null)
            {
                return false;
            }

            sqe[SqeOpcode] = OpSend;
            *(int*)(sqe + SqeFd) = (int)sender.SafeHandle.DangerousGetHandle();
            *(ulong*)(sqe + SqeAddr) = (ulong)payload;
            *(uint*)(sqe + SqeLen) = 4;
            *(uint*)(sqe + SqeOpFlags) = MsgDontWait;
            *(ulong*)(sqe + SqeAddr2) = (ulong)address;
            *(ushort*)(sqe + SqeAddrLen) = (ushort)destination.Size;
            *(ulong*)(sqe + SqeUserData) = UserData(KindProbe, 0, 0);
            if (!_ring.Submit(1))
            {
                return false;
            }

            int result = int.MinValue;
            while (_ring.TryPeek(out ulong userData, out int r, out _))
            {
                _ring.Advance();
                if ((byte)(userData >> 24) == KindProbe)
                {
                    result = r;
                }
            }

            if (result != 4 || !receiver.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectRead))
            {
                return false;
            }

            byte[] received = new byte[8];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int length = receiver.ReceiveFrom(received, ref from);
            return length == 4 && BitConverter.ToUInt32(received, 0) == 0x53424F4B && from.Equals(sender.LocalEndPoint);
        }
        catch (SocketException)
        {
            // No loopback to probe with: keep SENDMSG, which every supported kernel has.
            return false;
        }
    }

    private void Dispatch(ulong userData, int result, uint flags, SocketAddress v4, SocketAddress v6)
    {
        switch ((byte)(userData >> 24))
        {
            case KindReceive:
                OnReceive(userData, result, flags, v4, v6);
                break;
            case KindSend:
                // Only failures post a completion.
                Interlocked.Increment(ref _sendFailures);
                break;
            case KindWake:
                _wakeArmed = false;
                RunCommands();
                ArmWake();
                break;
            default:
                // A cancel that found nothing to cancel (the receive had already ended): nothing to do.
                break;
        }
    }

    private void OnReceive(ulong userData, int result, uint flags, SocketAddress v4, SocketAddress v6)
    {
        int slot = (int)(userData & 0xFFFFFF);
        var registration = _table.Find(slot, (uint)(userData >> 32));
        bool current = registration is not null;
        if ((flags & CqeFBuffer) != 0)
        {
            ushort id = (ushort)(flags >> 16);
            var buffers = _buffers!;
            buffers.Take(id);
            if (current && result > 0 && !registration!.Closed)
            {
                registration.FailedArms = 0;
                Deliver(registration, buffers[id], result, v4, v6);
                if (registration.Delivered++ % RtpReceiveRegistration.PrefetchRefresh == 0)
                {
                    registration.CollectPrefetch();
                }
            }

            // Back to the kernel now, or once the sends pointing into it are submitted.
            buffers.Release(id);
        }

        if (!current || (flags & CqeFMore) != 0)
        {
            return;
        }

        // The multishot receive ended: cancelled, out of pool buffers, or an error.
        registration!.ArmedUserData = 0;
        if (registration.Closed)
        {
            Release(registration);
            return;
        }

        if (result < 0 && result != -ENoBufs && ++registration.FailedArms > MaxFailedArms)
        {
            // The kernel keeps refusing this socket (not expected): stop re-arming rather than spin.
            return;
        }

        Arm(registration);
    }

    private void Deliver(RtpReceiveRegistration registration, byte* buffer, int length, SocketAddress v4, SocketAddress v6)
    {
        // struct io_uring_recvmsg_out { u32 namelen; u32 controllen; u32 payloadlen; u32 flags; } + name + payload
        int nameLength = (int)*(uint*)buffer;
        int payloadLength = (int)*(uint*)(buffer + 8);
        int messageFlags = *(int*)(buffer + 12);
        if ((messageFlags & MsgTrunc) != 0 || HeaderSize + payloadLength > length)
        {
            Interlocked.Increment(ref _truncated);
            return;
        }

        var source = registration.IsIPv6 ? v6 : v4;
        int copy = Math.Min(Math.Min(nameLength, NameSpace), source.Buffer.Length);
        new ReadOnlySpan<byte>(buffer + 16, copy).CopyTo(source.Buffer.Span);
        source.Size = copy;
        registration.Owner.Deliver(new Span<byte>(buffer + HeaderSize, payloadLength), source, registration.Rtcp);
    }

    private void FlushSends()
    {
        var sends = _sends!;
        if (sends.Count > 0)
        {
            _ring!.Submit(0);
            if (_ring.Pending == 0)
            {
                sends.Complete();
            }
        }
    }

    private void RunCommands()
    {
        while (_commands.TryDequeue(out var command))
        {
            if (command.Add)
            {
                Add(command.Registration);
            }
            else
            {
                Cancel(command.Registration);
            }
        }
    }

    private void Add(RtpReceiveRegistration registration)
    {
        _table.Add(registration);
        registration.FixedSlot = _files?.Add(registration.Fd) ?? -1;
        if (registration.Closed)
        {
            Release(registration);
            return;
        }

        Arm(registration);
    }

    private void Arm(RtpReceiveRegistration registration)
    {
        byte* sqe = _ring!.NextSqe();
        if (sqe is null)
        {
            _unarmed.Add(registration);
            return;
        }

        ulong userData = UserData(KindReceive, registration.Slot, registration.Tag);
        sqe[SqeOpcode] = OpRecvMsg;
        sqe[SqeFlags] = SqeBufferSelect;
        *(ushort*)(sqe + SqeIoprio) = RecvMultishot;
        *(int*)(sqe + SqeFd) = registration.Fd;
        *(ulong*)(sqe + SqeAddr) = (ulong)_receiveHeader;
        *(uint*)(sqe + SqeLen) = 1;
        *(ushort*)(sqe + SqeBufGroup) = _buffers!.GroupId;
        *(ulong*)(sqe + SqeUserData) = userData;
        registration.ArmedUserData = userData;
    }

    private void RetryArms()
    {
        var pending = _unarmed.ToArray();
        _unarmed.Clear();
        foreach (var registration in pending)
        {
            if (registration.Closed)
            {
                Release(registration);
            }
            else if (_table.Contains(registration))
            {
                Arm(registration);
            }
        }
    }

    private void Cancel(RtpReceiveRegistration registration)
    {
        if (!_table.Contains(registration))
        {
            // Never added (or already released).
            registration.Released?.Set();
            return;
        }

        if (registration.ArmedUserData == 0)
        {
            Release(registration);
            return;
        }

        byte* sqe = _ring!.NextSqe();
        if (sqe is null)
        {
            // No room to cancel now: the receive stays armed but delivers nothing (Closed); released when it ends.
            registration.Released?.Set();
            return;
        }

        sqe[SqeOpcode] = OpAsyncCancel;
        sqe[SqeFlags] = SqeCqeSkipSuccess;
        *(int*)(sqe + SqeFd) = -1;
        *(ulong*)(sqe + SqeAddr) = registration.ArmedUserData;
        *(ulong*)(sqe + SqeUserData) = UserData(KindCancel, 0, 0);
    }

    private void Release(RtpReceiveRegistration registration)
    {
        if (registration.FixedSlot >= 0)
        {
            // Sends queued for this socket name its slot: hand them to the kernel before the slot is emptied (and
            // possibly given to another socket).
            FlushSends();
            _files!.Remove(registration.FixedSlot);
            registration.FixedSlot = -1;
        }

        _table.Remove(registration);
        _unarmed.Remove(registration);
        registration.ClearPrefetch();
        registration.Released?.Set();
    }

    private void ArmWake()
    {
        byte* sqe = _ring!.NextSqe();
        if (sqe is null)
        {
            return;
        }

        _wakeArmed = true;
        sqe[SqeOpcode] = OpRead;
        *(int*)(sqe + SqeFd) = _eventFd;
        *(ulong*)(sqe + SqeOff) = ulong.MaxValue;
        *(ulong*)(sqe + SqeAddr) = (ulong)_wakeBuffer;
        *(uint*)(sqe + SqeLen) = 8;
        *(ulong*)(sqe + SqeUserData) = UserData(KindWake, 0, 0);
    }

    private void Wake()
    {
        ulong one = 1;
        _ = IoUringNative.Write(_eventFd, (byte*)&one, 8);
    }
}
