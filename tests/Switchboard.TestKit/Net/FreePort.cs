using System.Net;
using System.Net.Sockets;

namespace Switchboard.TestKit.Net;

/// <summary>Picks ports that are free at run time (never hard-coded 5060/5061/6000).</summary>
public static class FreePort
{
    private static int s_next = 20000 + (Environment.ProcessId % 2000) * 10;

    /// <summary>A port free for both UDP and TCP on <paramref name="address"/> (default 127.0.0.1).</summary>
    public static int UdpAndTcp(IPAddress? address = null) => Find(address ?? IPAddress.Loopback, 1, udp: true, tcp: true);

    /// <summary>A run of <paramref name="count"/> consecutive ports free for UDP (e.g. an RTP range), first one even.</summary>
    public static int UdpRange(int count, IPAddress? address = null) => Find(address ?? IPAddress.Loopback, count, udp: true, tcp: false, even: true);

    public static int Tcp(IPAddress? address = null) => Find(address ?? IPAddress.Loopback, 1, udp: false, tcp: true);

    private static int Find(IPAddress address, int count, bool udp, bool tcp, bool even = false)
    {
        for (int attempt = 0; attempt < 2000; attempt++)
        {
            int start = Interlocked.Add(ref s_next, count + 1) - count - 1;
            if (start + count > 60000)
            {
                Interlocked.Exchange(ref s_next, 20000);
                continue;
            }

            if (even && start % 2 == 1)
            {
                start++;
            }

            bool ok = true;
            for (int p = start; p < start + count && ok; p++)
            {
                ok = (!udp || IsFree(address, p, SocketType.Dgram, ProtocolType.Udp)) && (!tcp || IsFree(address, p, SocketType.Stream, ProtocolType.Tcp));
            }

            if (ok)
            {
                return start;
            }
        }

        throw new InvalidOperationException("no free port found");
    }

    private static bool IsFree(IPAddress address, int port, SocketType type, ProtocolType proto)
    {
        try
        {
            using var s = new Socket(address.AddressFamily, type, proto);
            s.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
