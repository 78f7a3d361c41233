using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Tls;

/// <summary>
/// Holds the server certificate the TLS transport presents. The transport asks on every new
/// connection (<see cref="Current"/> from its ServerCertificateSelectionCallback, or
/// <see cref="CurrentContext"/> for SslServerAuthenticationOptions.ServerCertificateContext), so a
/// swapped certificate is used by the next handshake at once, while established connections
/// (and the calls on them) keep theirs. Lock-free: one volatile reference.
/// </summary>
internal sealed class CertificateProvider
{
    private TlsServerCertificate? _current;
    private int _version;

    /// <summary>The leaf certificate with its private key; null before the first certificate is set.</summary>
    public X509Certificate2? Current => Volatile.Read(ref _current)?.Certificate;

    /// <summary>The leaf plus intermediates as a reusable handshake context.</summary>
    public SslStreamCertificateContext? CurrentContext => Volatile.Read(ref _current)?.Context;

    /// <summary>The full entry (certificate, intermediates, source).</summary>
    public TlsServerCertificate? CurrentEntry => Volatile.Read(ref _current);

    /// <summary>Incremented on every swap.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>For the transport: <c>new TlsTransport(..., provider.Selector)</c>.</summary>
    public Func<X509Certificate2?> Selector => () => Current;

    /// <summary>Raised after a swap, on the thread that swapped (keep handlers short).</summary>
    public event Action<TlsServerCertificate>? Changed;

    /// <summary>
    /// Makes <paramref name="certificate"/> current. Returns false (and changes nothing) when it has
    /// the same thumbprint as the current one. The previous certificate is not disposed: handshakes
    /// in flight may still use it; the GC releases it.
    /// </summary>
    public bool Set(TlsServerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        TlsServerCertificate? previous = Volatile.Read(ref _current);
        if (previous is not null && string.Equals(previous.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Volatile.Write(ref _current, certificate);
        Interlocked.Increment(ref _version);
        Changed?.Invoke(certificate);
        return true;
    }
}
