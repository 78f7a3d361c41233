using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Interop.Tests.Infrastructure;

namespace Switchboard.Interop.Tests.Robustness;

/// <summary>
/// Every RFC 4475 / RFC 5118 torture message is sent over UDP to the running server (twice, so retransmission
/// handling is exercised too). The server must stay up and keep answering, and where the message's top Via could be
/// pointed at the test's socket, the answer must be the one the RFC prescribes (matched by Call-ID).
/// </summary>
[Collection("sipp")]
public sealed partial class TortureReplayTests
{
    /// <summary>RFC-prescribed status for messages whose top Via is a plain UDP Via (the reply can reach the test).</summary>
    private static readonly Dictionary<string, int> Expected = new(StringComparer.Ordinal)
    {
        ["badaspec"] = 400, // RFC 4475 3.1.2.14 spaces within addr-spec
        ["baddate"] = 400, // 3.1.2.12 non-GMT Date
        ["baddn"] = 400, // 3.1.2.15 non-token display name
        ["clerr"] = 400, // 3.1.2.2 Content-Length larger than the message
        ["ltgtruri"] = 400, // 3.1.2.7 <> around the Request-URI
        ["lwsruri"] = 400, // 3.1.2.8 LWS in the Request-URI
        ["lwsstart"] = 400, // 3.1.2.9 multiple SP in the Request-Line
        ["mcl01"] = 400, // 3.3.9 multiple Content-Length values
        ["ncl"] = 400, // 3.1.2.3 negative Content-Length
        ["quotbal"] = 400, // 3.1.2.6 unterminated quoted string
        ["trws"] = 400, // 3.1.2.10 SP at the end of the Request-Line
        ["mismatch02"] = 501, // 3.1.2.18 unknown method, CSeq mismatch
        ["zeromf"] = 200, // 3.3.11 OPTIONS with Max-Forwards 0 answered by the endpoint
        ["badbranch"] = 200, // 3.2.1 branch that is only the magic cookie: processed
    };

    [Fact]
    public async Task Every_torture_message_gets_its_answer_and_the_server_keeps_serving()
    {
        var pbx = PbxInstance.Create(new Dictionary<string, string>
        {
            ["pjsip.conf"] = """
                [udp]
                type = transport
                protocol = udp
                bind = 127.0.0.1:{SIP_PORT}
                """,
            ["extensions.conf"] = "[default]\nexten => s,1,Hangup()\n",
        });
        await using var _ = pbx;
        await pbx.StartAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int localPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var server = new IPEndPoint(IPAddress.Loopback, pbx.SipPort);
        var answers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sentCallIds = new Dictionary<string, string>(StringComparer.Ordinal);

        string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.dat", SearchOption.AllDirectories);
        Assert.True(files.Length >= 60, "torture corpus missing: " + files.Length + " files");
        for (int round = 0; round < 2; round++)
        {
            foreach (string file in files.Order(StringComparer.Ordinal))
            {
                byte[] message = PointTopViaAt(File.ReadAllBytes(file), localPort);
                string name = Path.GetFileNameWithoutExtension(file);
                if (CallId(message) is { } id)
                {
                    sentCallIds[name] = id;
                }

                await socket.SendToAsync(message, server);
                await CollectAsync(socket, answers, TimeSpan.FromMilliseconds(150));
                Assert.False(pbx.HasExited, $"server exited after {name}:\n{pbx.Output}");
            }
        }

        await CollectAsync(socket, answers, TimeSpan.FromSeconds(1));
        foreach (var (name, status) in Expected)
        {
            Assert.True(sentCallIds.TryGetValue(name, out string? id), name + ": no Call-ID");
            Assert.True(answers.TryGetValue(id!, out var got), $"{name}: no answer (expected {status})");
            Assert.Contains(status, got!);
        }

        // Still serving: a clean OPTIONS is answered.
        string callId = "alive-" + Guid.NewGuid().ToString("N");
        string options = $"OPTIONS sip:probe@127.0.0.1:{pbx.SipPort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{localPort};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:probe@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await socket.SendToAsync(Encoding.ASCII.GetBytes(options), server);
        for (int i = 0; i < 20 && !(answers.TryGetValue(callId, out var a) && a.Contains(200)); i++)
        {
            await CollectAsync(socket, answers, TimeSpan.FromMilliseconds(100));
        }

        Assert.True(answers.TryGetValue(callId, out var alive) && alive.Contains(200), "OPTIONS after the torture run not answered:\n" + pbx.Output);
        Assert.DoesNotContain("Unhandled", pbx.Output, StringComparison.Ordinal);
    }

    private static async Task CollectAsync(Socket socket, Dictionary<string, List<int>> answers, TimeSpan window)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(window);
        while (!cts.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            byte[] response = buffer[..n];
            var status = StatusLine().Match(Encoding.Latin1.GetString(response, 0, Math.Min(n, 64)));
            if (status.Success && CallId(response) is { } id)
            {
                if (!answers.TryGetValue(id, out var list))
                {
                    answers[id] = list = [];
                }

                list.Add(int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Replaces the sent-by of the first header line that is a plain UDP Via with the test's socket.</summary>
    private static byte[] PointTopViaAt(byte[] message, int port)
    {
        string text = Encoding.Latin1.GetString(message);
        int headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string head = headerEnd < 0 ? text : text[..headerEnd];
        var via = TopVia().Match(head);
        if (!via.Success)
        {
            return message;
        }

        string rewritten = head[..via.Groups[2].Index] + "127.0.0.1:" + port + head[(via.Groups[2].Index + via.Groups[2].Length)..];
        return Encoding.Latin1.GetBytes(rewritten + (headerEnd < 0 ? "" : text[headerEnd..]));
    }

    private static string? CallId(byte[] message)
    {
        var m = CallIdHeader().Match(Encoding.Latin1.GetString(message));
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?:Via|v)[ \t]*:[ \t]*SIP[ \t]*/[ \t]*2\.0[ \t]*/[ \t]*UDP[ \t]+()([^;,\s]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TopVia();

    [GeneratedRegex(@"\r\n(?:Call-ID|i)[ \t]*:[ \t]*([^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CallIdHeader();

    [GeneratedRegex(@"^SIP/2\.0 (\d{3}) ")]
    private static partial Regex StatusLine();
}
