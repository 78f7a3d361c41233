using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Tls;

namespace Switchboard.Tests.Tls;

public sealed class SelfSignedCertificateFactoryTests
{
    [Fact]
    public void Has_cn_and_san_of_the_hostname_key_size_and_validity()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        using X509Certificate2 cert = SelfSignedCertificateFactory.Create("pbx.example.com", 3072, 45, new FakeTimeProvider(now));

        Assert.Equal("CN=pbx.example.com", cert.Subject);
        Assert.Equal(cert.Subject, cert.Issuer);
        Assert.True(cert.HasPrivateKey);
        using (var rsa = cert.GetRSAPublicKey())
        {
            Assert.Equal(3072, rsa!.KeySize);
        }

        Assert.Equal(now.AddDays(45).UtcDateTime, cert.NotAfter.ToUniversalTime());
        Assert.Equal(now.AddMinutes(-5).UtcDateTime, cert.NotBefore.ToUniversalTime());

        var san = Assert.Single(cert.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["pbx.example.com"], san.EnumerateDnsNames());
        Assert.True(cert.MatchesHostname("pbx.example.com"));

        var eku = Assert.Single(cert.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Contains(eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        var basic = Assert.Single(cert.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(basic.CertificateAuthority);
    }

    [Fact]
    public void An_ip_hostname_gets_an_ip_san()
    {
        using X509Certificate2 cert = SelfSignedCertificateFactory.Create("192.0.2.10", 2048, 1);
        var san = Assert.Single(cert.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal([IPAddress.Parse("192.0.2.10")], san.EnumerateIPAddresses());
    }

    [Fact]
    public void Serial_numbers_differ()
    {
        using X509Certificate2 a = SelfSignedCertificateFactory.Create("a", 2048, 1);
        using X509Certificate2 b = SelfSignedCertificateFactory.Create("a", 2048, 1);
        Assert.NotEqual(a.SerialNumber, b.SerialNumber);
    }
}
