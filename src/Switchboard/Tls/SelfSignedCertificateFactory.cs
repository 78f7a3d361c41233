using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Tls;

/// <summary>
/// Creates the self-signed server certificate: RSA TLS_KEYBITS, valid TLS_CERTDAYS, CN and SAN =
/// HOSTNAME (an IP SAN when HOSTNAME is an address), server and client auth usages.
/// </summary>
internal static class SelfSignedCertificateFactory
{
    /// <summary>Backdating of NotBefore so peers with a slightly slow clock accept it.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static X509Certificate2 Create(string hostName, int keyBits, int days, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyBits, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);

        DateTimeOffset now = (time ?? TimeProvider.System).GetUtcNow();
        using RSA key = RSA.Create(keyBits);

        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(hostName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var san = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(hostName, out IPAddress? address))
        {
            san.AddIpAddress(address);
        }
        else
        {
            san.AddDnsName(hostName);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        byte[] serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;

        // Whole seconds: X.509 validity has second resolution, so NotAfter reads back exactly.
        DateTimeOffset notBefore = TruncateToSeconds(now - ClockSkew);
        DateTimeOffset notAfter = TruncateToSeconds(now.AddDays(days));
        using X509Certificate2 created = request.Create(subject.Build(), X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1), notBefore, notAfter, serial);
        return created.CopyWithPrivateKey(key);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
