using System.Net.Sockets;

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

    public RtpReceiveLoop? Loop { get; set; }

    public volatile bool Closed;
}
