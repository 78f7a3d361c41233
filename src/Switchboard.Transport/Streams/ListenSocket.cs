using System.Net;
using System.Net.Sockets;

namespace Switchboard.Transport.Streams;

/// <summary>Creates listening TCP sockets.</summary>
internal static class ListenSocket
{
    public static Socket Open(IPEndPoint bind, bool dualMode, int backlog)
    {
        var socket = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (bind.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = dualMode;
            }

            // Lets a restarted PBX bind while old connections sit in TIME_WAIT (Linux still refuses a live listener).
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(bind);
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Closes with RST (no TIME_WAIT, no lingering): for refused connections.</summary>
    public static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    /// <summary>Whether a socket bound like <paramref name="bind"/> can talk to <paramref name="peer"/>.</summary>
    public static bool CanReach(IPEndPoint bind, bool dualMode, in PeerAddress peer) =>
        bind.AddressFamily == AddressFamily.InterNetworkV6 ? !peer.IsIPv4 || dualMode : peer.IsIPv4;
}
