using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.Transport.Rtp;

/// <summary>
/// One receive thread: an epoll set of RTP/RTCP sockets (level-triggered EPOLLIN). On a wake it drains each ready
/// socket with non-blocking recvfrom into one pinned buffer and one reused <see cref="SocketAddress"/> per family
/// (the kernel writes the sockaddr straight into it), and hands every datagram to the socket's sink synchronously —
/// the relay then sends on this same thread. Nothing is allocated per datagram.
/// </summary>
internal sealed unsafe class RtpReceiveLoop : RtpReceiveThread
{
    private const int MaxEvents = 256;

    /// <summary>
    /// Datagrams taken from one socket per wake. One: a leg carries one packet per 20 ms, so a second recvfrom would
    /// nearly always be a wasted call returning EAGAIN; level-triggered epoll reports a socket that still holds data
    /// again on the next wait, which also keeps the sockets fair.
    /// </summary>
    private const int MaxPerWake = 1;

    private readonly int _epoll;
    private readonly object _gate = new();
    private readonly RtpRegistrationTable _table = new();
    private int _count;

    private RtpReceiveLoop(int epoll, int index)
    {
        _epoll = epoll;
        var thread = new Thread(Run) { IsBackground = true, Name = $"rtp-rx-{index}", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>Registered sockets.</summary>
    public override int Count => Volatile.Read(ref _count);

    public static RtpReceiveLoop? TryCreate(int index)
    {
        int epoll = LinuxUdp.EpollCreate(LinuxUdp.EpollCloexec);
        return epoll < 0 ? null : new RtpReceiveLoop(epoll, index);
    }

    public override bool TryAdd(RtpReceiveRegistration registration)
    {
        lock (_gate)
        {
            _table.Add(registration);
            registration.Loop = this;
            if (LinuxUdp.Control(_epoll, LinuxUdp.EpollCtlAdd, registration.Fd, Data(registration)) != 0)
            {
                _table.Remove(registration);
                registration.Loop = null;
                return false;
            }

            _count++;
            return true;
        }
    }

    /// <summary>Stops delivering from the socket (call before closing it).</summary>
    public override void Remove(RtpReceiveRegistration registration)
    {
        lock (_gate)
        {
            registration.Closed = true;
            if (!_table.Contains(registration))
            {
                return;
            }

            LinuxUdp.Control(_epoll, LinuxUdp.EpollCtlDel, registration.Fd, 0);
            _table.Remove(registration);
            _count--;
        }
    }

    private static ulong Data(RtpReceiveRegistration r) => (uint)r.Slot | ((ulong)r.Tag << 32);

    private void Run()
    {
        RtpThreadPriority.ApplyToCurrentThread();
        int stride = LinuxUdp.EpollEventSize;
        byte* events = (byte*)NativeMemory.Alloc((nuint)(stride * MaxEvents));
        byte[] buffer = GC.AllocateArray<byte>(UdpRtpSocket.BufferSize, pinned: true);
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        using MemoryHandle v4Pin = v4.Buffer.Pin();
        using MemoryHandle v6Pin = v6.Buffer.Pin();
        fixed (byte* data = buffer)
        {
            while (true)
            {
                int n = LinuxUdp.EpollWait(_epoll, events, MaxEvents, -1);
                if (n < 0)
                {
                    // EINTR (a signal) is the only error epoll_wait reports on a valid set; wait again either way.
                    continue;
                }

                for (int i = 0; i < n; i++)
                {
                    ulong tagged = *(ulong*)(events + (i * stride) + LinuxUdp.EpollDataOffset);
                    var registration = _table.Find((int)(uint)tagged, (uint)(tagged >> 32));
                    if (registration is null)
                    {
                        continue;
                    }

                    if (registration.IsIPv6)
                    {
                        Drain(registration, data, v6, (byte*)v6Pin.Pointer);
                    }
                    else
                    {
                        Drain(registration, data, v4, (byte*)v4Pin.Pointer);
                    }
                }
            }
        }
    }

    private static void Drain(RtpReceiveRegistration registration, byte* data, SocketAddress source, byte* sourceBytes)
    {
        var handle = registration.Socket.SafeHandle;
        bool added = false;
        try
        {
            // Keeps the descriptor from being closed (and reused) while this thread reads it.
            handle.DangerousAddRef(ref added);
            for (int k = 0; k < MaxPerWake && !registration.Closed; k++)
            {
                int length = source.Buffer.Length;
                nint received = LinuxUdp.RecvFrom(registration.Fd, data, UdpRtpSocket.BufferSize, LinuxUdp.MsgDontWait, sourceBytes, &length);
                if (received < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == LinuxUdp.EAgain || !IsTransient(errno))
                    {
                        break;
                    }

                    continue;
                }

                source.Size = length;
                registration.Owner.Deliver(new Span<byte>(data, (int)received), source, registration.Rtcp);
            }
        }
        catch (ObjectDisposedException)
        {
            // The socket closed between the wake and the read: nothing to deliver.
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>EINTR, and ICMP errors reported on a later receive (ECONNREFUSED, EHOSTUNREACH, ENETUNREACH): keep reading.</summary>
    private static bool IsTransient(int errno) => errno is LinuxUdp.EIntr or 111 or 113 or 101;
}
