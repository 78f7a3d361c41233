using System.Globalization;
using System.Net;
using Switchboard.Transport.Streams;
using Switchboard.Transport.Tcp;
using Switchboard.Transport.Udp;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Transport.Tests.Interop;

/// <summary>
/// SIPp (a real SIP peer) runs complete INVITE/ACK/BYE calls against the bare transports with a stub UAS on top:
/// over TCP all calls share SIPp's one connection, so this checks framing of a real peer's stream and that replies
/// go back over the connection the request came in on.
/// </summary>
public sealed class SippTransportTests
{
    private const int Calls = 40;

    [SkippableFact]
    public async Task Sipp_calls_over_tcp_share_one_connection()
    {
        var sipp = ExternalTool.Find("sipp");
        Skip.If(sipp is null, "sipp (sip-tester) is not installed");
        await using var transport = new TcpTransport(new StreamTransportOptions
        {
            Name = "tcp",
            BindEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Framer = new Support.TestFramer(),
        });
        var uas = new StubUas();
        transport.Start(uas);

        var result = await RunSippAsync(sipp!, transport.Local.EndPoint.Port, "t1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Calls, uas.Invites);
        Assert.Equal(Calls, uas.Byes);
        Assert.Equal(0, uas.Other);
        Assert.Equal(1, transport.Counters.ConnectionsAccepted);
        Assert.Equal(0, transport.Counters.FramingErrors);
        Assert.True(SpinWait.SpinUntil(() => transport.Counters.MessagesSent == Calls * 3, Support.TestTimeouts.Default));
    }

    [SkippableFact]
    public async Task Sipp_calls_over_udp()
    {
        var sipp = ExternalTool.Find("sipp");
        Skip.If(sipp is null, "sipp (sip-tester) is not installed");
        await using var transport = new UdpTransport(new UdpTransportOptions
        {
            Name = "udp",
            BindEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        });
        var uas = new StubUas();
        transport.Start(uas);

        var result = await RunSippAsync(sipp!, transport.Local.EndPoint.Port, "u1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Calls, uas.Invites); // distinct calls; retransmissions are ignored by the stub
        Assert.True(uas.Byes >= Calls);
    }

    private static async Task<ProcessResult> RunSippAsync(string sipp, int serverPort, string transport)
    {
        var dir = Directory.CreateTempSubdirectory("sb-transport-sipp-").FullName;
        try
        {
            int clientPort = FreePort.UdpAndTcp();
            int mediaPort = FreePort.UdpRange(4);
            string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
            return await ExternalProcess.RunAsync(
                sipp,
                [$"127.0.0.1:{Num(serverPort)}", "-sn", "uac", "-t", transport, "-i", "127.0.0.1", "-p", Num(clientPort), "-mp", Num(mediaPort),
                 "-m", Num(Calls), "-r", "40", "-d", "0", "-nostdin", "-timeout", "40s", "-timeout_error"],
                TimeSpan.FromSeconds(60),
                dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
