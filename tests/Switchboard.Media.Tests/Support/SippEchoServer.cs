using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Tests.Support;

/// <summary>
/// SIPp as a real RTP peer without SIP: "sipp -sn uas -rtp_echo -mp PORT" echoes every datagram that reaches its
/// media port back to the sender. Ports are probed free at run time; the process is killed by its own id.
/// </summary>
internal sealed class SippEchoServer : IDisposable
{
    private readonly Process _process;

    private SippEchoServer(Process process, int mediaPort)
    {
        _process = process;
        MediaEndPoint = new IPEndPoint(IPAddress.Loopback, mediaPort);
    }

    public IPEndPoint MediaEndPoint { get; }

    public static SippEchoServer Start()
    {
        int sipPort = FreeUdpPort(even: false);
        int mediaPort = FreeUdpPort(even: true);
        var info = new ProcessStartInfo(Tools.Find("sipp")!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { "-sn", "uas", "-i", "127.0.0.1", "-p", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-mp", mediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-rtp_echo", "-nostdin", "-timeout", "60s" })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SippEchoServer(process, mediaPort);
        if (!server.WaitUntilEchoing(TimeSpan.FromSeconds(10)))
        {
            server.Dispose();
            throw new InvalidOperationException("sipp did not start echoing RTP");
        }

        return server;
    }

    private bool WaitUntilEchoing(TimeSpan limit)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        probe.ReceiveTimeout = 200;
        var buffer = new byte[64];
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit && !_process.HasExited)
        {
            probe.SendTo(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, MediaEndPoint);
            try
            {
                EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                probe.ReceiveFrom(buffer, ref any);
                return true;
            }
            catch (SocketException)
            {
            }
        }

        return false;
    }

    private static int FreeUdpPort(bool even)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)s.LocalEndPoint!).Port;
            if (!even)
            {
                return port;
            }

            if (port % 2 != 0 || port > 65000)
            {
                continue;
            }

            // sipp also binds the port two above (video) for rtp_echo.
            using var video = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                video.Bind(new IPEndPoint(IPAddress.Loopback, port + 2));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no free UDP port pair");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
