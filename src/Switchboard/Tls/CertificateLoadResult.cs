using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Tls;

/// <summary>Result of <see cref="PemCertificateFiles.TryLoad"/> or of an ACME extraction.</summary>
internal sealed record CertificateLoadResult(CertificateLoadStatus Status, TlsServerCertificate? Certificate, string? Error)
{
    public static CertificateLoadResult Missing(string why) => new(CertificateLoadStatus.Missing, null, why);

    public static CertificateLoadResult Invalid(string why) => new(CertificateLoadStatus.Invalid, null, why);

    public static CertificateLoadResult Loaded(TlsServerCertificate certificate) => new(CertificateLoadStatus.Loaded, certificate, null);
}
