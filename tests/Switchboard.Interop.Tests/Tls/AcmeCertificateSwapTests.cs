using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Tls;

/// <summary>
/// Issue 5 acceptance: a Traefik v2 acme.json with a certificate for HOSTNAME is served by the TLS transport
/// (checked with `openssl s_client`); replacing it while a call over TCP is up makes new TLS connections get the
/// new certificate, and the call is not dropped (SIPp's BYE after the swap gets its 200).
/// </summary>
[Collection("sipp")]
public sealed class AcmeCertificateSwapTests
{
    private const string HostName = "pbx.acme.test";

    [SkippableFact]
    public async Task New_acme_certificate_is_served_to_new_tls_connections_without_dropping_a_tcp_call()
    {
        Skip.IfNot(Sipp.Available, "sipp (sip-tester) is not installed");
        Skip.IfNot(ExternalTool.Exists("openssl"), "openssl is not installed");
        int tlsPort = FreePort.Tcp();
        var pbx = PbxInstance.Create(new Dictionary<string, string>
        {
            ["pjsip.conf"] = $"""
                [udp]
                type = transport
                protocol = udp
                bind = 127.0.0.1:{"{SIP_PORT}"}

                [tcp]
                type = transport
                protocol = tcp
                bind = 127.0.0.1:{"{SIP_PORT}"}

                [tls]
                type = transport
                protocol = tls
                bind = 127.0.0.1:{tlsPort}
                method = tlsv1_2
                """,
            ["pjsip_wizard.conf"] = """
                [alice]
                type = wizard
                accepts_auth = yes
                accepts_registrations = yes
                endpoint/context = default
                endpoint/allow = !all,alaw,ulaw
                inbound_auth/username = alice
                inbound_auth/password = pw-alice
                """,
            ["extensions.conf"] = """
                [default]
                exten => 300,1,Answer()
                 same => n,Wait(60)
                 same => n,Hangup()
                """,
        });
        await using var _ = pbx;
        string acmeFile = Path.Combine(pbx.DataDir, "acme", "acme.json");
        Directory.CreateDirectory(Path.GetDirectoryName(acmeFile)!);
        var first = CreateCertificate(HostName);
        File.WriteAllText(acmeFile, AcmeV2(HostName, first.CertPem, first.KeyPem));
        await pbx.StartAsync(environment: new Dictionary<string, string?> { ["HOSTNAME"] = HostName, ["ACME_FILE"] = acmeFile });

        Assert.Equal(first.Thumbprint, await ServedThumbprintAsync(tlsPort));

        // A call over TCP, held for 20 s by SIPp.
        string users = Sipp.UsersFile([("alice", "pw-alice")]);
        var call = Sipp.RunAsync("call-uac-long.xml", pbx.SipPort, ["-inf", users, "-s", "300", "-m", "1", "-d", "20000"], TimeSpan.FromSeconds(90), transport: "t1");
        await pbx.WaitForCliAsync("core show channels", o => o.Contains("1 active channel", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        var second = CreateCertificate(HostName);
        File.WriteAllText(acmeFile, AcmeV2(HostName, second.CertPem, second.KeyPem));
        string? served = null;
        for (int i = 0; i < 60 && served != second.Thumbprint; i++)
        {
            await Task.Delay(250);
            served = await ServedThumbprintAsync(tlsPort);
        }

        Assert.True(second.Thumbprint == served, $"new certificate not served (got {served}):\n{pbx.Output}");
        Assert.False(call.IsCompleted, "the call ended before the swap was checked");
        Assert.Contains("1 active channel", await pbx.CliAsync("core show channels"), StringComparison.Ordinal);

        var result = await call;
        Assert.True(result.ExitCode == 0, "call dropped or BYE refused: " + result + "\n" + pbx.Output);
    }

    /// <summary>The SHA-1 thumbprint of the leaf certificate `openssl s_client` receives.</summary>
    private static async Task<string?> ServedThumbprintAsync(int port)
    {
        var r = await ExternalProcess.RunAsync("sh", ["-c", $"openssl s_client -connect 127.0.0.1:{port} -servername {HostName} -showcerts </dev/null"], TimeSpan.FromSeconds(20));
        string text = r.StandardOutput;
        int begin = text.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        int end = text.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal);
        if (begin < 0 || end < 0)
        {
            return null;
        }

        using var cert = X509Certificate2.CreateFromPem(text.AsSpan(begin, end + "-----END CERTIFICATE-----".Length - begin));
        return cert.Thumbprint;
    }

    private static (string CertPem, string KeyPem, string Thumbprint) CreateCertificate(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + host, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), cert.Thumbprint);
    }

    /// <summary>Traefik v2 layout: resolver -> Account + Certificates[{domain{main,sans}, certificate, key, Store}] (base64 PEM).</summary>
    private static string AcmeV2(string main, string certPem, string keyPem)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
        return $$"""
            {
              "letsencrypt": {
                "Account": {"Email": "ops@acme.test", "Registration": {"body": {"status": "valid"}, "uri": "https://acme.test/acct/1"}, "PrivateKey": "MIIB", "KeyType": "4096"},
                "Certificates": [{"domain": {"main": "{{main}}", "sans": []}, "certificate": "{{B64(certPem)}}", "key": "{{B64(keyPem)}}", "Store": "default"}]
              }
            }
            """;
    }
}
