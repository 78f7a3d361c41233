using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class SipOptionsProbeTests
{
    private static string Reply(string request, string status)
    {
        var sb = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (string line in request.Split("\r\n"))
        {
            if (line.StartsWith("Via:", StringComparison.Ordinal) || line.StartsWith("From:", StringComparison.Ordinal)
                || line.StartsWith("To:", StringComparison.Ordinal) || line.StartsWith("Call-ID:", StringComparison.Ordinal)
                || line.StartsWith("CSeq:", StringComparison.Ordinal))
            {
                sb.Append(line).Append("\r\n");
            }
        }

        return sb.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    [Fact]
    public async Task Udp_answer_makes_it_healthy()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)server.Client.LocalEndPoint!;
        Task responder = Task.Run(async () =>
        {
            UdpReceiveResult got = await server.ReceiveAsync();
            string request = Encoding.ASCII.GetString(got.Buffer);
            Assert.StartsWith($"OPTIONS sip:127.0.0.1:{target.Port} SIP/2.0\r\n", request, StringComparison.Ordinal);
            byte[] reply = Encoding.ASCII.GetBytes(Reply(request, "200 OK"));
            await server.SendAsync(reply, got.RemoteEndPoint);
        });

        HealthProbeResult result = await SipOptionsProbe.ProbeAsync(target, ProtocolType.Udp, TimeSpan.FromSeconds(5));
        await responder;

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("SIP/2.0 200 OK", result.StatusLine);
    }

    [Fact]
    public async Task Tcp_answer_of_any_status_makes_it_healthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = (IPEndPoint)listener.LocalEndpoint;
        Task responder = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            NetworkStream stream = client.GetStream();
            byte[] buffer = new byte[4096];
            int filled = 0;
            while (!Encoding.ASCII.GetString(buffer, 0, filled).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                filled += await stream.ReadAsync(buffer.AsMemory(filled));
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes(Reply(Encoding.ASCII.GetString(buffer, 0, filled), "404 Not Found")));
        });

        HealthProbeResult result = await SipOptionsProbe.ProbeAsync(target, ProtocolType.Tcp, TimeSpan.FromSeconds(5));
        await responder;

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("SIP/2.0 404 Not Found", result.StatusLine);
    }

    [Fact]
    public async Task Silence_is_unhealthy_with_a_reason()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)server.Client.LocalEndPoint!;
        HealthProbeResult result = await SipOptionsProbe.ProbeAsync(target, ProtocolType.Udp, TimeSpan.FromMilliseconds(700));
        Assert.False(result.Healthy);
        Assert.Contains("no SIP answer to OPTIONS over UDP", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_tcp_port_is_unhealthy_with_a_reason()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var target = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();
        HealthProbeResult result = await SipOptionsProbe.ProbeAsync(target, ProtocolType.Tcp, TimeSpan.FromSeconds(2));
        Assert.False(result.Healthy);
        Assert.Contains("ConnectionRefused", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_to_another_call_id_does_not_count()
    {
        Assert.Null(SipOptionsProbe.MatchResponse("SIP/2.0 200 OK\r\nCall-ID: other\r\n\r\n"u8, "hc-1"));
        Assert.Null(SipOptionsProbe.MatchResponse("OPTIONS sip:x SIP/2.0\r\nCall-ID: hc-1\r\n\r\n"u8, "hc-1"));
        Assert.Equal("SIP/2.0 200 OK", SipOptionsProbe.MatchResponse("SIP/2.0 200 OK\r\nCall-ID: hc-1\r\n\r\n"u8, "hc-1"));
    }
}
