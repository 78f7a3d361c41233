using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Transport.Tests.Support;
using Switchboard.Transport.Tls;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Transport.Tests.Interop;

/// <summary>
/// OpenSSL's <c>s_client</c> (a TLS stack no one here wrote) against the TLS transport: TLS 1.2 and 1.3 accepted,
/// TLS 1.1 refused, the current certificate served per new connection, SIP carried both ways.
/// </summary>
public sealed class OpenSslTlsTests : IDisposable
{
    private readonly X509Certificate2 _first = TestCertificates.Create("first.pbx.test");
    private readonly X509Certificate2 _second = TestCertificates.Create("second.pbx.test");
    private X509Certificate2 _current;

    public OpenSslTlsTests() => _current = _first;

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [SkippableTheory]
    [InlineData("-tls1_2", "TLSv1.2")]
    [InlineData("-tls1_3", "TLSv1.3")]
    public async Task Accepts_tls12_and_tls13_and_serves_the_current_certificate(string flag, string protocol)
    {
        var openssl = ExternalTool.Find("openssl");
        Skip.If(openssl is null, "openssl is not installed");
        await using var server = Server();
        server.Start(new RecordingHandler());

        var result = await SClientAsync(openssl!, server.Local.EndPoint, flag);
        Assert.Contains("CN=first.pbx.test", result.Combined.Replace(" = ", "=", StringComparison.Ordinal));
        Assert.Contains(protocol, result.Combined);

        Volatile.Write(ref _current, _second);
        result = await SClientAsync(openssl!, server.Local.EndPoint, flag);
        Assert.Contains("CN=second.pbx.test", result.Combined.Replace(" = ", "=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Refuses_tls11()
    {
        var openssl = ExternalTool.Find("openssl");
        Skip.If(openssl is null, "openssl is not installed");
        await using var server = Server();
        server.Start(new RecordingHandler());

        // SECLEVEL=0 lets the client offer TLS 1.1 at all; the refusal must come from the server.
        var result = await SClientAsync(openssl!, server.Local.EndPoint, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("CN=first.pbx.test", result.Combined.Replace(" = ", "=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Carries_sip_both_ways()
    {
        var openssl = ExternalTool.Find("openssl");
        Skip.If(openssl is null, "openssl is not installed");
        await using var server = Server();
        var handler = new RecordingHandler
        {
            OnReceived = (_, peer, local) => local.Transport.Send(TestFramer.Message("SIP/2.0 200 OK", "hello-from-pbx\r\n") /* a line end: output is read by lines */, peer),
        };
        server.Start(handler);

        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = ExternalProcess.Start(
            openssl!,
            ["s_client", "-connect", Address(server.Local.EndPoint), "-quiet", "-ign_eof"],
            redirectStdin: true);
        client.OnLine = line =>
        {
            if (line.Contains("hello-from-pbx", StringComparison.Ordinal))
            {
                answered.TrySetResult();
            }
        };
        var request = TestFramer.Message("OPTIONS sips:pbx SIP/2.0", "hello-from-openssl");
        await client.StandardInput.BaseStream.WriteAsync(request);
        await client.StandardInput.BaseStream.FlushAsync();

        var received = await handler.NextAsync();
        Assert.EndsWith("hello-from-openssl", received.Text);
        await answered.Task.WaitAsync(TestTimeouts.Default);
    }

    private TlsTransport Server() => new(new TlsTransportOptions
    {
        BindEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        Framer = new TestFramer(),
        ServerCertificate = () => Volatile.Read(ref _current),
        HandshakeTimeout = TimeSpan.FromSeconds(5),
    });

    private static string Address(IPEndPoint endPoint) => $"127.0.0.1:{endPoint.Port.ToString(CultureInfo.InvariantCulture)}";

    private static async Task<ProcessResult> SClientAsync(string openssl, IPEndPoint endPoint, params string[] extra)
    {
        await using var process = ExternalProcess.Start(
            openssl,
            ["s_client", "-connect", Address(endPoint), "-servername", "pbx.test", .. extra],
            redirectStdin: true);
        process.StandardInput.Close(); // like </dev/null: handshake, print, quit
        return await process.WaitAsync(TestTimeouts.Default);
    }
}
