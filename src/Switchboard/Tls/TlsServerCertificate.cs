using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Tls;

/// <summary>
/// A server certificate with its private key, the intermediates to send with it, where it came
/// from, and a ready <see cref="SslStreamCertificateContext"/> (built once, reused by every handshake).
/// </summary>
internal sealed class TlsServerCertificate
{
    public TlsServerCertificate(X509Certificate2 certificate, X509Certificate2Collection? intermediates, string source)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("the certificate has no private key", nameof(certificate));
        }

        Certificate = certificate;
        Intermediates = intermediates ?? [];
        Source = source;
        Context = SslStreamCertificateContext.Create(certificate, Intermediates, offline: true);
    }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2Collection Intermediates { get; }

    /// <summary>"self-signed", "file /srv/etc/ssl/asterisk/cert.pem", "acme /acme/acme.json (pbx.example.com)" ...</summary>
    public string Source { get; }

    public SslStreamCertificateContext Context { get; }

    public string Thumbprint => Certificate.Thumbprint;

    public bool IsSelfSigned => Certificate.SubjectName.RawData.AsSpan().SequenceEqual(Certificate.IssuerName.RawData);

    public override string ToString() =>
        $"{Certificate.Subject} (SHA-1 {Thumbprint}, valid until {Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z, from {Source})";
}
