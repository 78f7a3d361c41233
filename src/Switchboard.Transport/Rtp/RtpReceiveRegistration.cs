using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Switchboard.Common.Media;

namespace Switchboard.Transport.Rtp;

/// <summary>One socket registered with an <see cref="RtpReceiveLoop"/>: whose datagrams go where.</summary>
internal sealed class RtpReceiveRegistration
{
    public RtpReceiveRegistration(UdpRtpSocket owner, Socket socket, bool rtcp)
    {
        Owner = owner;
        Socket = socket;
        Rtcp = rtcp;
        Fd = (int)socket.SafeHandle.DangerousGetHandle();
        IsIPv6 = socket.AddressFamily == AddressFamily.InterNetworkV6;
    }

    public UdpRtpSocket Owner { get; }

    public Socket Socket { get; }

    public bool Rtcp { get; }

    public int Fd { get; }

    public bool IsIPv6 { get; }

    /// <summary>Set by the loop: the slot and the tag that make up the epoll user data.</summary>
    public int Slot { get; set; } = -1;

    public uint Tag { get; set; }

    public RtpReceiveThread? Loop { get; set; }

    /// <summary>The socket's slot in its io_uring loop's registered file table (-1: none; sends use the descriptor).</summary>
    public int FixedSlot { get; set; } = -1;

    /// <summary>The io_uring loop's user data of the armed multishot receive (0 when none is armed).</summary>
    public ulong ArmedUserData { get; set; }

    /// <summary>Consecutive receive arms that ended in an error without delivering anything.</summary>
    public int FailedArms { get; set; }

    /// <summary>Set when the io_uring loop has let go of the socket after <see cref="Closed"/>.</summary>
    public ManualResetEventSlim? Released { get; set; }

    public volatile bool Closed;

    /// <summary>Objects to prefetch before a batch that holds one of this socket's datagrams (see <see cref="RtpPrefetchList"/>).</summary>
    internal PrefetchObjects Prefetch;

    /// <summary>Cache lines to fetch of each of <see cref="Prefetch"/>.</summary>
    internal PrefetchLines PrefetchLineCounts;

    internal int PrefetchCount;

    /// <summary>Datagrams delivered; the prefetch list is collected again every <see cref="PrefetchRefresh"/> of them.</summary>
    internal uint Delivered;

    internal const int PrefetchCapacity = 24;

    internal const uint PrefetchRefresh = 64;

    /// <summary>Collects the prefetch list again (RTP only: RTCP is rare enough not to need one). Call on the loop's thread.</summary>
    internal void CollectPrefetch()
    {
        if (Rtcp)
        {
            return;
        }

        var list = new RtpPrefetchList(Prefetch, PrefetchLineCounts);
        try
        {
            Owner.CollectReceivePrefetch(ref list);
        }
        catch (Exception)
        {
            // Only a hint: a consumer that fails to list its objects is not prefetched, and the thread goes on.
            list = default;
        }

        ClearPrefetch(list.Count);
    }

    /// <summary>Drops the list's entries from <paramref name="from"/> on (all of them when the socket is let go).</summary>
    internal void ClearPrefetch(int from = 0)
    {
        for (int i = from; i < PrefetchCapacity; i++)
        {
            Prefetch[i] = null;
        }

        PrefetchCount = from;
    }

    [InlineArray(PrefetchCapacity)]
    internal struct PrefetchObjects
    {
        private object? _element;
    }

    [InlineArray(PrefetchCapacity)]
    internal struct PrefetchLines
    {
        private byte _element;
    }
}
