using System.Net;
using System.Runtime.InteropServices;
using static Switchboard.Transport.Rtp.IoUring.IoUringNative;

namespace Switchboard.Transport.Rtp.IoUring;

/// <summary>
/// The datagrams a ring thread sends during one batch of completions, queued as non-blocking SEND (destination in the
/// SQE) or SENDMSG SQEs whose success posts no completion, so the whole batch goes to the kernel with the next
/// io_uring_enter instead of one sendto each. Each has a native slot for its destination (and msghdr/iovec for
/// SENDMSG); its bytes are sent from where they are when that is a buffer of the ring's receive pool (the relay
/// forwarding a datagram it received: the buffer is held until submission), else copied into the slot. MSG_DONTWAIT
/// makes the kernel finish (or fail) every send inside that io_uring_enter, so slots and held buffers are free again
/// when it returns; a full socket buffer loses the datagram, as a non-blocking sendto would. A socket named by
/// descriptor has its handle held from queueing to submission so a concurrent close cannot hand its descriptor number
/// to another socket in between; one named by registered-file slot is held by the ring's file table.
/// </summary>
internal sealed unsafe class RingSendBatch
{
    /// <summary>Largest payload a slot takes; bigger datagrams are sent directly.</summary>
    public const int MaxPayload = 1920;

    private const int SlotSize = 2048;
    private const int MsgHdr = 0;
    private const int IoVec = 64;
    private const int Address = 80;
    private const int Payload = 128;

    private readonly byte* _slots;
    private readonly SafeHandle?[] _handles;
    private readonly int[] _held;
    private readonly ProvidedBufferRing? _pool;
    private int _used;

    /// <param name="capacity">Datagrams per batch.</param>
    /// <param name="pool">The ring's receive pool: a datagram that still lies in one of its buffers (the relay
    /// forwarding what it received) is sent from there, the buffer held until the batch is submitted, instead of being
    /// copied into the slot.</param>
    public RingSendBatch(int capacity, ProvidedBufferRing? pool = null)
    {
        Capacity = capacity;
        _slots = (byte*)NativeMemory.AlignedAlloc((nuint)(capacity * SlotSize), 64);
        _handles = new SafeHandle?[capacity];
        _held = new int[capacity];
        _pool = pool;
    }

    public int Capacity { get; }

    public int Count => _used;

    /// <summary>
    /// True to queue IORING_OP_SEND with the destination in the SQE (addr2, Linux 6.x) instead of SENDMSG, which saves
    /// the kernel copying and checking a msghdr and an iovec per datagram. Set once the ring has proved the kernel
    /// honours the address (<see cref="RtpRingLoop"/>'s start-up probe).
    /// </summary>
    public bool SendWithAddress { get; set; }

    /// <summary>
    /// Fills the next slot and its SQE; false when the batch is full or the packet does not fit. With
    /// <paramref name="fixedSlot"/> &gt;= 0 the socket is named by its slot in the ring's registered file table (which
    /// holds its own reference, so <paramref name="handle"/> is not touched); otherwise by descriptor, with the handle
    /// held until the batch is submitted.
    /// </summary>
    public bool TryQueue(IoUringRing ring, SafeHandle handle, int fd, int fixedSlot, ReadOnlySpan<byte> packet, SocketAddress destination, ulong userData)
    {
        int addressLength = destination.Size;
        if (_used == Capacity || packet.Length > MaxPayload || addressLength > Payload - Address)
        {
            return false;
        }

        bool added = false;
        if (fixedSlot < 0)
        {
            handle.DangerousAddRef(ref added);
            if (!added)
            {
                return false;
            }
        }

        byte* sqe = ring.NextSqe();
        if (sqe is null)
        {
            if (added)
            {
                handle.DangerousRelease();
            }

            return false;
        }

        byte* slot = _slots + ((nint)_used * SlotSize);
        byte* payload;
        fixed (byte* data = packet)
        {
            if (_pool is not null && _pool.TryFind(data, packet.Length, out ushort buffer))
            {
                _pool.Hold(buffer);
                _held[_used] = buffer;
                payload = data;
            }
            else
            {
                _held[_used] = -1;
                payload = slot + Payload;
                packet.CopyTo(new Span<byte>(payload, packet.Length));
            }
        }

        _handles[_used++] = added ? handle : null;
        destination.Buffer.Span[..addressLength].CopyTo(new Span<byte>(slot + Address, addressLength));
        if (SendWithAddress)
        {
            sqe[SqeOpcode] = OpSend;
            *(ulong*)(sqe + SqeAddr) = (ulong)payload;
            *(uint*)(sqe + SqeLen) = (uint)packet.Length;
            *(ulong*)(sqe + SqeAddr2) = (ulong)(slot + Address);
            *(ushort*)(sqe + SqeAddrLen) = (ushort)addressLength;
        }
        else
        {
            // struct iovec { void* base; size_t len; }
            *(ulong*)(slot + IoVec) = (ulong)payload;
            *(ulong*)(slot + IoVec + 8) = (ulong)packet.Length;

            // struct msghdr { name; namelen; iov; iovlen; control; controllen; flags; }
            new Span<byte>(slot + MsgHdr, 56).Clear();
            *(ulong*)(slot + MsgHdr) = (ulong)(slot + Address);
            *(uint*)(slot + MsgHdr + 8) = (uint)addressLength;
            *(ulong*)(slot + MsgHdr + 16) = (ulong)(slot + IoVec);
            *(ulong*)(slot + MsgHdr + 24) = 1;
            sqe[SqeOpcode] = OpSendMsg;
            *(ulong*)(sqe + SqeAddr) = (ulong)(slot + MsgHdr);
            *(uint*)(sqe + SqeLen) = 1;
        }

        sqe[SqeFlags] = fixedSlot >= 0 ? (byte)(SqeCqeSkipSuccess | SqeFixedFile) : SqeCqeSkipSuccess;
        *(int*)(sqe + SqeFd) = fixedSlot >= 0 ? fixedSlot : fd;
        *(uint*)(sqe + SqeOpFlags) = MsgDontWait;
        *(ulong*)(sqe + SqeUserData) = userData;
        return true;
    }

    /// <summary>After the submission that carried the batch: releases the handles and frees every slot.</summary>
    public void Complete()
    {
        for (int i = 0; i < _used; i++)
        {
            _handles[i]?.DangerousRelease();
            _handles[i] = null;
            if (_held[i] >= 0)
            {
                _pool!.Release((ushort)_held[i]);
            }
        }

        _used = 0;
    }
}
