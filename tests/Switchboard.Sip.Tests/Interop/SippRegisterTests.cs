using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>
/// SIPp (a real peer) against the message layer over UDP on 127.0.0.1: parser, Via received/rport, response factory,
/// digest challenge and verification with qop=auth as SIPp computes it.
/// </summary>
public sealed class SippRegisterTests
{
    private const string Head =
        "REGISTER sip:[remote_ip]:[remote_port] SIP/2.0\n" +
        "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport\n" +
        "From: <sip:alice@[remote_ip]>;tag=[call_number]\n" +
        "To: <sip:alice@[remote_ip]>\n" +
        "Call-ID: [call_id]\n";

    private const string Tail =
        "Contact: <sip:alice@[local_ip]:[local_port]>\n" +
        "Max-Forwards: 70\n" +
        "Expires: 60\n" +
        "Content-Length: 0\n\n";

    private static string Scenario(string password, string finalResponse) =>
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"reg\">\n" +
        "<send retrans=\"1000\"><![CDATA[\n" + Head + "CSeq: 1 REGISTER\n" + Tail + "]]></send>\n" +
        "<recv response=\"401\" auth=\"true\"/>\n" +
        "<send retrans=\"1000\"><![CDATA[\n" + Head + "CSeq: 2 REGISTER\n" +
        $"[authentication username=alice password={password}]\n" + Tail + "]]></send>\n" +
        // this layer has no transaction layer to absorb a retransmitted first REGISTER, so a late duplicate 401 is allowed
        (finalResponse == "200" ? "<recv response=\"401\" optional=\"true\"/>\n" : string.Empty) +
        $"<recv response=\"{finalResponse}\"/>\n</scenario>\n";

    [SkippableTheory]
    [InlineData("secret", "200")]
    [InlineData("wrong", "401")]
    public async Task SippRegistersWithDigestAndIsRefusedWithAWrongPassword(string password, string finalResponse)
    {
        string? sipp = ExternalTool.Find("sipp");
        Skip.If(sipp is null, "sipp (sip-tester) is not installed");
        string dir = Directory.CreateTempSubdirectory("sb-sipp-").FullName;
        try
        {
            string scenario = Path.Combine(dir, "reg.xml");
            await File.WriteAllTextAsync(scenario, Scenario(password, finalResponse));
            int serverPort = FreePort.UdpAndTcp();
            int clientPort = FreePort.UdpAndTcp();
            int mediaPort = FreePort.UdpRange(4);
            await using MiniRegistrar registrar = new(serverPort);
            ProcessResult result = await ExternalProcess.RunAsync(sipp!,
                [$"127.0.0.1:{serverPort}", "-sf", scenario, "-i", "127.0.0.1", "-p", clientPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-mp", mediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "20", "-r", "20", "-nostdin",
                 "-timeout", "30s", "-timeout_error", "-trace_err"],
                TimeSpan.FromSeconds(60), dir);
            Assert.False(result.TimedOut, result.ToString());
            string errors = string.Join("\n", Directory.GetFiles(dir, "*_errors.log").Select(File.ReadAllText));
            Assert.True(result.ExitCode == 0, result + "\n--- sipp errors\n" + errors);
            Assert.True(registrar.Challenged >= 20);
            if (password == "secret")
            {
                Assert.True(registrar.Registered >= 20);
                Assert.Equal(0, registrar.Rejected);
            }
            else
            {
                Assert.Equal(0, registrar.Registered);
                Assert.True(registrar.Rejected >= 20);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
