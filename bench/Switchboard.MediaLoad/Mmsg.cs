using System.Runtime.InteropServices;

namespace Switchboard.MediaLoad;

/// <summary>
/// sendmmsg/recvmmsg batches (Linux, 64-bit): one system call per burst instead of one per packet, so the generator
/// leaves the CPU to the PBX. A batch owns pinned native memory: <see cref="Capacity"/> packet buffers with their
/// iovecs, sockaddr slots and struct mmsghdr array (64 bytes each: msghdr 56 + msg_len + padding).
/// </summary>
internal sealed unsafe partial class Mmsg : IDisposable
{
    public const int PacketBytes = 2048;
    private const int MsgHdrSize = 64;
    private const int AddrSize = 28;
    private const int WaitForOne = 0x10000;
    private const int DontWait = 0x40;
    private const int ControlSize = 64;
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35;

    private readonly byte* _memory;
    private readonly byte* _packets;
    private readonly byte* _iovecs;
    private readonly byte* _addresses;
    private readonly byte* _headers;
    private readonly byte* _controls;

    public Mmsg(int capacity)
    {
        Capacity = capacity;
        nuint total = (nuint)(capacity * (PacketBytes + 16 + AddrSize + 4 + MsgHdrSize + ControlSize));
        _memory = (byte*)NativeMemory.AllocZeroed(total);
        _packets = _memory;
        _iovecs = _packets + (capacity * PacketBytes);
        _addresses = _iovecs + (capacity * 16);
        _headers = _addresses + (capacity * (AddrSize + 4));
        _controls = _headers + (capacity * MsgHdrSize);
    }

    public int Capacity { get; }

    public int Count { get; set; }

    public Span<byte> Packet(int i) => new(_packets + (i * PacketBytes), PacketBytes);

    /// <summary>Prepares slot <paramref name="i"/> to send <paramref name="length"/> bytes to <paramref name="address"/> (a raw sockaddr).</summary>
    public void SetSend(int i, int length, ReadOnlySpan<byte> address)
    {
        byte* addr = _addresses + (i * (AddrSize + 4));
        address.CopyTo(new Span<byte>(addr, AddrSize));
        Header(i, addr, address.Length, length);
    }

    /// <summary>
    /// Sends the queued packets. With <paramref name="stampOffset"/> &gt;= 0 each packet gets CLOCK_REALTIME (ns, little
    /// endian) written there just before its sendmmsg call, so a packet's send time is when it leaves for the network,
    /// not when it was built (time spent queued in this batch is not the PBX's).
    /// </summary>
    public int Send(int fd, int stampOffset = -1)
    {
        if (stampOffset >= 0)
        {
            long now = RealtimeNanoseconds();
            for (int i = 0; i < Count; i++)
            {
                *(long*)(_packets + (i * PacketBytes) + stampOffset) = now;
            }
        }

        int sent = 0;
        while (sent < Count)
        {
            int n = SendMmsg(fd, _headers + (sent * MsgHdrSize), (uint)(Count - sent), 0);
            if (n <= 0)
            {
                break;
            }

            sent += n;
        }

        Count = 0;
        return sent;
    }

    /// <summary>
    /// Receives a batch: blocking until at least one datagram (or SO_RCVTIMEO) unless <paramref name="dontWait"/>;
    /// returns how many, or -1 (EAGAIN when nothing is queued and <paramref name="dontWait"/>).
    /// </summary>
    public int Receive(int fd, bool dontWait = false)
    {
        for (int i = 0; i < Capacity; i++)
        {
            Header(i, _addresses + (i * (AddrSize + 4)), AddrSize, PacketBytes);
            byte* h = _headers + (i * MsgHdrSize);
            *(byte**)(h + 32) = _controls + (i * ControlSize); // msg_control
            *(nuint*)(h + 40) = ControlSize;                    // msg_controllen
        }

        return RecvMmsg(fd, _headers, (uint)Capacity, dontWait ? DontWait : WaitForOne, null);
    }

    /// <summary>
    /// When datagram <paramref name="i"/> entered the socket (CLOCK_REALTIME ns, SO_TIMESTAMPNS), so the transit does
    /// not include how late this process read it; the current time when the kernel attached no stamp.
    /// </summary>
    public long ArrivalNanoseconds(int i)
    {
        byte* h = _headers + (i * MsgHdrSize);
        nuint length = *(nuint*)(h + 40);
        byte* c = _controls + (i * ControlSize);
        // struct cmsghdr { size_t len; int level; int type; } + struct timespec { long sec; long nsec; }
        if (length >= 32 && *(int*)(c + 8) == SolSocket && *(int*)(c + 12) == SoTimestampNs)
        {
            return (*(long*)(c + 16) * 1_000_000_000L) + *(long*)(c + 24);
        }

        return RealtimeNanoseconds();
    }

    /// <summary>CLOCK_REALTIME in nanoseconds (the clock SO_TIMESTAMPNS stamps with).</summary>
    public static long RealtimeNanoseconds()
    {
        long* ts = stackalloc long[2];
        _ = ClockGetTime(0, ts);
        return (ts[0] * 1_000_000_000L) + ts[1];
    }

    /// <summary>Asks the kernel to stamp every datagram received on <paramref name="fd"/> with its arrival time.</summary>
    public static void EnableTimestamps(int fd)
    {
        int one = 1;
        _ = SetSockOpt(fd, SolSocket, SoTimestampNs, &one, 4);
    }

    public int ReceivedLength(int i) => *(int*)(_headers + (i * MsgHdrSize) + 56);

    private void Header(int i, byte* addr, int addrLength, int length)
    {
        byte* iov = _iovecs + (i * 16);
        *(byte**)iov = _packets + (i * PacketBytes);
        *(nuint*)(iov + 8) = (nuint)length;
        byte* h = _headers + (i * MsgHdrSize);
        new Span<byte>(h, MsgHdrSize).Clear();
        *(byte**)h = addr;                 // msg_name
        *(int*)(h + 8) = addrLength;       // msg_namelen
        *(byte**)(h + 16) = iov;           // msg_iov
        *(nuint*)(h + 24) = 1;             // msg_iovlen
    }

    public void Dispose() => NativeMemory.Free(_memory);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    private static partial int SendMmsg(int fd, byte* headers, uint count, int flags);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, long* timespec);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSockOpt(int fd, int level, int name, void* value, int length);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static partial int RecvMmsg(int fd, byte* headers, uint count, int flags, void* timeout);
}
