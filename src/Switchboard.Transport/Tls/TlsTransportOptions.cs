using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Transport.Streams;

namespace Switchboard.Transport.Tls;

/// <summary>Settings of a <see cref="TlsTransport"/>: the stream settings plus certificates and verification.</summary>
public sealed class TlsTransportOptions : StreamTransportOptions
{
    public TlsTransportOptions()
    {
        Name = "tls";
    }

    /// <summary>
    /// Asked for the server certificate (with private key) on every new inbound connection, so a renewed
    /// certificate is served at once without restart. Null result: the connection is refused.
    /// </summary>
    public Func<X509Certificate2?>? ServerCertificate { get; init; }

    /// <summary>Only TLS 1.2 and 1.3 are allowed; this may narrow it (e.g. to TLS 1.3 only).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Outbound: verify the server certificate against the system trust store and the name (default).</summary>
    public bool VerifyServerCertificate { get; init; } = true;

    /// <summary>Outbound: custom verification, replacing the default (e.g. pinning, a private CA).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Outbound: a client certificate to present, if any.</summary>
    public Func<X509Certificate2?>? ClientCertificate { get; init; }

    /// <summary>Inbound: ask clients for a certificate (they may still send none).</summary>
    public bool RequestClientCertificate { get; init; }
}
