using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Tls;

namespace Switchboard.Tests.Tls;

/// <summary>
/// The provider's contract with a TLS listener: the certificate is picked per handshake, so a swap
/// reaches the next connection while an established connection keeps working.
/// </summary>
public sealed class CertificateHotSwapTests
{
    [Fact]
    public async Task New_connections_get_the_new_certificate_and_old_ones_keep_running()
    {
        var provider = new CertificateProvider();
        provider.Set(TestCertificates.SelfSigned("pbx.example.com"));
        string first = provider.CurrentEntry!.Thumbprint;

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task server = Task.Run(() => ServeEchoAsync(listener, provider, 2, cts.Token));

        (SslStream a, string seenA) = await ConnectAsync(port);
        Assert.Equal(first, seenA);
        await AssertEchoAsync(a, "call 1 before swap");

        Assert.True(provider.Set(TestCertificates.SelfSigned("pbx.example.com")));
        string second = provider.CurrentEntry!.Thumbprint;
        Assert.NotEqual(first, second);
        Assert.Equal(2, provider.Version);

        (SslStream b, string seenB) = await ConnectAsync(port);
        Assert.Equal(second, seenB);
        await AssertEchoAsync(a, "call 1 after swap");
        await AssertEchoAsync(b, "call 2");

        a.Dispose();
        b.Dispose();
        await server.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Setting_the_same_certificate_again_is_a_no_op()
    {
        var provider = new CertificateProvider();
        TlsServerCertificate cert = TestCertificates.SelfSigned("x");
        int changes = 0;
        provider.Changed += _ => changes++;
        Assert.True(provider.Set(cert));
        Assert.False(provider.Set(cert));
        Assert.Equal(1, changes);
        Assert.Same(cert.Certificate, provider.Selector());
        Assert.Same(cert.Context, provider.CurrentContext);
    }

    private static async Task<(SslStream Stream, string Thumbprint)> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        string? seen = null;
        var ssl = new SslStream(client.GetStream(), false, (_, cert, _, _) =>
        {
            seen = cert is null ? null : new X509Certificate2(cert).Thumbprint;
            return true;
        });
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "pbx.example.com",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        });
        return (ssl, seen!);
    }

    private static async Task AssertEchoAsync(SslStream stream, string text)
    {
        byte[] data = System.Text.Encoding.ASCII.GetBytes(text);
        await stream.WriteAsync(data);
        byte[] back = new byte[data.Length];
        await stream.ReadExactlyAsync(back);
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(back));
    }

    private static async Task ServeEchoAsync(TcpListener listener, CertificateProvider provider, int connections, CancellationToken ct)
    {
        var sessions = new List<Task>();
        for (int i = 0; i < connections; i++)
        {
            TcpClient client = await listener.AcceptTcpClientAsync(ct);
            sessions.Add(Task.Run(async () =>
            {
                using (client)
                using (var ssl = new SslStream(client.GetStream(), false))
                {
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificateSelectionCallback = (_, _) => provider.Current!,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    }, ct);
                    byte[] buffer = new byte[256];
                    int n;
                    while ((n = await ssl.ReadAsync(buffer, ct)) > 0)
                    {
                        await ssl.WriteAsync(buffer.AsMemory(0, n), ct);
                    }
                }
            }, ct));
        }

        await Task.WhenAll(sessions);
    }
}
