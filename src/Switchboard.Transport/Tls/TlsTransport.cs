using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Switchboard.Transport.Logging;
using Switchboard.Transport.Streams;

namespace Switchboard.Transport.Tls;

/// <summary>
/// SIP over TLS (RFC 3261 §26.2, port 5061) on <see cref="SslStream"/>: TLS 1.2 and 1.3 only; the server
/// certificate is fetched per new connection, so certificate renewal needs no restart; outbound connections verify
/// the server by default.
/// </summary>
public sealed class TlsTransport : StreamTransport
{
    private readonly TlsTransportOptions _tls;
    private CertificateContextCache? _serverContext;

    public TlsTransport(TlsTransportOptions options, ILogger? logger = null)
        : base(options, TransportProtocol.Tls, logger)
    {
        var allowed = SslProtocols.Tls12 | SslProtocols.Tls13;
        if (options.Protocols == SslProtocols.None || (options.Protocols & ~allowed) != 0)
        {
            throw new ArgumentException("Only TLS 1.2 and TLS 1.3 are supported.", nameof(options));
        }

        if (options.Listen && options.ServerCertificate is null)
        {
            throw new ArgumentException("A listening TLS transport needs a ServerCertificate provider.", nameof(options));
        }

        _tls = options;
    }

    private protected override async ValueTask<Stream> OpenStreamCoreAsync(StreamConnection connection, Socket socket, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(_tls.HandshakeTimeout, _tls.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (connection.IsOutbound)
            {
                await ssl.AuthenticateAsClientAsync(ClientOptions(connection), linked.Token).ConfigureAwait(false);
            }
            else
            {
                await ssl.AuthenticateAsServerAsync(ServerOptions(connection), linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException("TLS handshake timed out");
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        connection.TlsProtocol = ssl.SslProtocol;
        connection.RemoteCertificate = ssl.RemoteCertificate as X509Certificate2;
        return ssl;
    }

    private SslServerAuthenticationOptions ServerOptions(StreamConnection connection)
    {
        var certificate = _tls.ServerCertificate!();
        if (certificate is null)
        {
            TransportLog.NoCertificate(Logger, Name, connection.Remote.ToString());
            throw new AuthenticationException("no server certificate available");
        }

        var cache = Volatile.Read(ref _serverContext);
        if (cache is null || !ReferenceEquals(cache.Certificate, certificate))
        {
            cache = new CertificateContextCache(certificate, SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true));
            Volatile.Write(ref _serverContext, cache);
        }

        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = cache.Context,
            EnabledSslProtocols = _tls.Protocols,
            ClientCertificateRequired = _tls.RequestClientCertificate,
            RemoteCertificateValidationCallback = _tls.RequestClientCertificate ? static (_, _, _, _) => true : null,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
        };
    }

    private SslClientAuthenticationOptions ClientOptions(StreamConnection connection)
    {
        var validation = _tls.ServerCertificateValidation;
        if (validation is null && !_tls.VerifyServerCertificate)
        {
            validation = static (_, _, _, _) => true;
        }

        var clientCertificate = _tls.ClientCertificate?.Invoke();
        return new SslClientAuthenticationOptions
        {
            TargetHost = connection.ServerName ?? connection.Remote.ToIPAddress().ToString(),
            EnabledSslProtocols = _tls.Protocols,
            RemoteCertificateValidationCallback = validation,
            ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
        };
    }

    private sealed record CertificateContextCache(X509Certificate2 Certificate, SslStreamCertificateContext Context);
}
