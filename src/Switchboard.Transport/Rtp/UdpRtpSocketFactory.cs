using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Media;

namespace Switchboard.Transport.Rtp;

/// <summary>
/// Binds <see cref="UdpRtpSocket"/> pairs. A port another process holds makes <see cref="TryBind"/> return false
/// (the allocator then tries the next pair). Binding to IPv6Any creates dual-mode sockets.
/// </summary>
public sealed class UdpRtpSocketFactory : IRtpSocketFactory
{
    private const int IpProtocolIp = 0;
    private const int IpMtuDiscover = 10;
    private const int IpPmtuDiscProbe = 3;

    private readonly ILogger? _logger;

    public UdpRtpSocketFactory(ILogger<UdpRtpSocket>? logger = null) => _logger = logger;

    /// <summary>SO_RCVBUF/SO_SNDBUF for each socket; 0 keeps the OS default.</summary>
    public int SocketBufferSize { get; init; }

    /// <summary>IP DSCP/TOS byte for RTP (tos_audio; 0xB8 = EF); 0 leaves it unset.</summary>
    public int TypeOfService { get; init; }

    /// <summary>False gives every socket its own async receive loops instead of the shared epoll engine (tests).</summary>
    internal bool UseReceiveEngine { get; init; } = true;

    /// <summary>The engine the sockets join instead of the process's shared one (tests).</summary>
    internal RtpReceiveEngine? Engine { get; init; }

    public bool TryBind(IPAddress address, int rtpPort, [NotNullWhen(true)] out IRtpSocket? socket, out string? error)
    {
        ArgumentNullException.ThrowIfNull(address);
        socket = null;
        if (rtpPort is < 0 or > 65534)
        {
            error = $"RTP port {rtpPort} out of range";
            return false;
        }

        Socket? rtp = null;
        Socket? rtcp = null;
        try
        {
            rtp = Create(address, rtpPort);
            int rtcpPort = rtpPort == 0 ? ((IPEndPoint)rtp.LocalEndPoint!).Port + 1 : rtpPort + 1;
            rtcp = Create(address, rtcpPort);
            socket = new UdpRtpSocket(rtp, rtcp, _logger) { UseEngine = UseReceiveEngine, Engine = Engine };
            error = null;
            return true;
        }
        catch (SocketException ex)
        {
            // Binding happens at call setup (not per packet); the OS reports a busy port only by exception.
            rtp?.Dispose();
            rtcp?.Dispose();
            error = $"cannot bind {address}:{rtpPort}/{rtpPort + 1}: {ex.SocketErrorCode}";
            return false;
        }
    }

    private Socket Create(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (SocketBufferSize > 0)
            {
                socket.ReceiveBufferSize = SocketBufferSize;
                socket.SendBufferSize = SocketBufferSize;
            }

            if (TypeOfService > 0 && address.AddressFamily == AddressFamily.InterNetwork)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, TypeOfService);
            }

            if (OperatingSystem.IsLinux() && address.AddressFamily == AddressFamily.InterNetwork)
            {
                // DF on, the path MTU ignored (IP_PMTUDISC_PROBE): endpoints size RTP below the MTU and a fragmented
                // RTP packet is lost whole when a fragment is; it also lets the kernel give every datagram IP ID 0
                // instead of taking the shared IP ID generator per send (RFC 6864), and a forged ICMP
                // "fragmentation needed" cannot make the relay refuse to send.
                Span<byte> probe = stackalloc byte[4];
                BitConverter.TryWriteBytes(probe, IpPmtuDiscProbe);
                socket.SetRawSocketOption(IpProtocolIp, IpMtuDiscover, probe);
            }

            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
