using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Switchboard.Tls;

namespace Switchboard.Tests.Tls;

/// <summary>Builders for certificates and Traefik acme.json files used by the TLS tests.</summary>
internal static class TestCertificates
{
    /// <summary>A leaf signed by a throwaway CA, as PEM (leaf + CA chain) and key PEM, like Let's Encrypt output.</summary>
    public static (string ChainPem, string KeyPem, string Thumbprint) CaSigned(string dnsName, params string[] sans)
    {
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Test ACME CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));

        using ECDsa leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=" + dnsName, leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        foreach (string name in sans)
        {
            san.AddDnsName(name);
        }

        leafRequest.CertificateExtensions.Add(san.Build());
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(90), serial);
        string chain = leaf.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n";
        return (chain, leafKey.ExportECPrivateKeyPem() + "\n", leaf.Thumbprint);
    }

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string AcmeV2(params (string Resolver, string Main, string[] Sans, string CertPem, string KeyPem)[] certs)
    {
        var byResolver = new Dictionary<string, List<string>>();
        foreach (var c in certs)
        {
            if (!byResolver.TryGetValue(c.Resolver, out List<string>? list))
            {
                byResolver[c.Resolver] = list = [];
            }

            string sans = string.Join(",", c.Sans.Select(s => $"\"{s}\""));
            list.Add($$"""{"domain":{"main":"{{c.Main}}","sans":[{{sans}}]},"certificate":"{{B64(c.CertPem)}}","key":"{{B64(c.KeyPem)}}","Store":"default"}""");
        }

        var sections = byResolver.Select(kv =>
            $$"""
            "{{kv.Key}}": {
              "Account": {"Email":"ops@example.com","Registration":{"body":{"status":"valid"},"uri":"https://acme.test/acct/1"},"PrivateKey":"MIIB","KeyType":"4096"},
              "Certificates": [{{string.Join(",", kv.Value)}}]
            }
            """);
        return "{\n" + string.Join(",\n", sections) + "\n}\n";
    }

    public static string AcmeV1(string main, string[] sans, string certPem, string keyPem)
    {
        string list = string.Join(",", sans.Select(s => $"\"{s}\""));
        return $$"""
            {
              "Account": {"Email":"ops@example.com","Registration":{"body":{"status":"valid"} },"PrivateKey":"MIIB"},
              "Certificates": [
                {"Domain":{"Main":"{{main}}","SANs":[{{list}}]},"Certificate":"{{B64(certPem)}}","Key":"{{B64(keyPem)}}"}
              ],
              "HTTPChallenges": {},
              "TLSChallenges": {}
            }
            """;
    }

    public static TlsServerCertificate SelfSigned(string host) =>
        new(SelfSignedCertificateFactory.Create(host, 2048, 30), null, "test");
}
