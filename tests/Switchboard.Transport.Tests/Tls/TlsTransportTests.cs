using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Transport.Streams;
using Switchboard.Transport.Tests.Support;
using Switchboard.Transport.Tls;

namespace Switchboard.Transport.Tests.Tls;

public sealed class TlsTransportTests : IDisposable
{
    private readonly X509Certificate2 _first = TestCertificates.Create("first.pbx.test");
    private readonly X509Certificate2 _second = TestCertificates.Create("second.pbx.test");

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static TlsTransport Server(Func<X509Certificate2?> certificate, string bind = "127.0.0.1:0", SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13) =>
        new(new TlsTransportOptions
        {
            Name = "tls-server",
            BindEndPoint = IPEndPoint.Parse(bind),
            Framer = new TestFramer(),
            ServerCertificate = certificate,
            Protocols = protocols,
            HandshakeTimeout = TimeSpan.FromSeconds(5),
        });

    private static TlsTransport Client(bool verify = true, RemoteCertificateValidationCallback? validation = null, string bind = "127.0.0.1:0") =>
        new(new TlsTransportOptions
        {
            Name = "tls-client",
            BindEndPoint = IPEndPoint.Parse(bind),
            Framer = new TestFramer(),
            Listen = false,
            VerifyServerCertificate = verify,
            ServerCertificateValidation = validation,
            HandshakeTimeout = TimeSpan.FromSeconds(5),
        });

    [Fact]
    public async Task Request_and_response_over_tls()
    {
        await using var server = Server(() => _first);
        var serverHandler = new RecordingHandler
        {
            OnReceived = (_, peer, local) => local.Transport.Send(TestFramer.Message("SIP/2.0 200 OK", "secure"), peer),
        };
        server.Start(serverHandler);
        await using var client = Client(verify: false);
        var clientHandler = new RecordingHandler();
        client.Start(clientHandler);

        var status = await client.SendAsync(TestFramer.Message("OPTIONS sips:pbx SIP/2.0"), server.Local.Address);
        Assert.Equal(SendStatus.Queued, status);
        var request = await serverHandler.NextAsync();
        Assert.StartsWith("OPTIONS sips:pbx", request.Text);
        Assert.Equal(TransportProtocol.Tls, request.Local.Protocol);
        Assert.Contains(request.Peer.Connection!.TlsProtocol, new[] { SslProtocols.Tls12, SslProtocols.Tls13 });

        var response = await clientHandler.NextAsync();
        Assert.EndsWith("secure", response.Text);
        Assert.Equal(_first.Thumbprint, response.Peer.Connection!.RemoteCertificate!.Thumbprint);
    }

    [Fact]
    public async Task A_new_certificate_is_served_to_the_next_connection_without_restart()
    {
        var current = _first;
        await using var server = Server(() => Volatile.Read(ref current));
        var handler = new RecordingHandler();
        server.Start(handler);

        Assert.Equal(_first.Thumbprint, await HandshakeThumbprintAsync(server.Local.EndPoint));
        Volatile.Write(ref current, _second);
        Assert.Equal(_second.Thumbprint, await HandshakeThumbprintAsync(server.Local.EndPoint));
    }

    [Fact]
    public async Task Outbound_verification_rejects_an_untrusted_certificate_by_default()
    {
        await using var server = Server(() => _first);
        server.Start(new RecordingHandler());
        await using var client = Client();
        client.Start(new RecordingHandler());

        var status = await client.SendAsync(TestFramer.Message("OPTIONS sips:pbx SIP/2.0"), server.Local.Address, "first.pbx.test");
        Assert.Equal(SendStatus.ConnectFailed, status);
        Assert.True(SpinWait.SpinUntil(() => client.ConnectionCount == 0, TestTimeouts.Default));
    }

    [Fact]
    public async Task Custom_validation_can_pin_the_server_certificate_and_name()
    {
        await using var server = Server(() => _first);
        var handler = new RecordingHandler();
        server.Start(handler);
        string? checkedName = null;
        await using var client = Client(validation: (sender, certificate, _, errors) =>
        {
            checkedName = ((SslStream)sender).TargetHostName;
            return certificate is X509Certificate2 c && c.Thumbprint == _first.Thumbprint &&
                   (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        });
        client.Start(new RecordingHandler());

        var status = await client.SendAsync(TestFramer.Message("OPTIONS sips:pbx SIP/2.0"), server.Local.Address, "first.pbx.test");
        Assert.Equal(SendStatus.Queued, status);
        await handler.NextAsync();
        Assert.Equal("first.pbx.test", checkedName);
    }

    [Fact]
    public async Task No_certificate_refuses_the_connection_and_the_server_keeps_running()
    {
        X509Certificate2? current = null;
        await using var server = Server(() => Volatile.Read(ref current));
        var handler = new RecordingHandler();
        server.Start(handler);

        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeThumbprintAsync(server.Local.EndPoint));
        Volatile.Write(ref current, _second);
        Assert.Equal(_second.Thumbprint, await HandshakeThumbprintAsync(server.Local.EndPoint));
    }

    [Fact]
    public async Task Plaintext_sip_on_the_tls_port_is_dropped()
    {
        await using var server = Server(() => _first);
        var handler = new RecordingHandler();
        server.Start(handler);
        using var raw = await RawClient.ConnectAsync(server.Local.EndPoint);
        await raw.SendAsync(TestFramer.Message("OPTIONS sip:plain SIP/2.0"));
        Assert.True(await raw.WaitForCloseAsync());
        Assert.True(await handler.StaysQuietAsync());
        Assert.Equal(0, server.Counters.MessagesReceived);
    }

    [Fact]
    public async Task Tls13_only_server_refuses_a_tls12_only_client()
    {
        await using var server = Server(() => _first, protocols: SslProtocols.Tls13);
        server.Start(new RecordingHandler());
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeThumbprintAsync(server.Local.EndPoint, SslProtocols.Tls12));
    }

    [Fact]
    public void Old_protocol_versions_are_refused_in_options()
    {
#pragma warning disable SYSLIB0039 // testing that the obsolete protocol is refused
        Assert.Throws<ArgumentException>(() => Server(() => null, protocols: SslProtocols.Tls11 | SslProtocols.Tls12));
#pragma warning restore SYSLIB0039
        Assert.Throws<ArgumentException>(() => new TlsTransport(new TlsTransportOptions { Framer = new TestFramer() }));
    }

    [Fact]
    public async Task Tls_over_ipv6_loopback()
    {
        await using var server = Server(() => _first, "[::1]:0");
        var handler = new RecordingHandler();
        server.Start(handler);
        await using var client = Client(verify: false, bind: "[::1]:0");
        client.Start(new RecordingHandler());
        Assert.Equal(SendStatus.Queued, await client.SendAsync(TestFramer.Message("OPTIONS sips:v6 SIP/2.0"), server.Local.Address));
        Assert.False((await handler.NextAsync()).Peer.Address.IsIPv4);
    }

    [Fact]
    public async Task Stalled_handshake_times_out()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var server = new TlsTransport(new TlsTransportOptions
        {
            BindEndPoint = IPEndPoint.Parse("127.0.0.1:0"),
            Framer = new TestFramer(),
            ServerCertificate = () => _first,
            HandshakeTimeout = TimeSpan.FromSeconds(10),
            TimeProvider = time,
        });
        server.Start(new RecordingHandler());
        using var silent = await RawClient.ConnectAsync(server.Local.EndPoint);
        Assert.True(SpinWait.SpinUntil(() => server.ConnectionCount == 1, TestTimeouts.Default));

        // The handshake timer starts just after accept; keep moving the clock until it has fired (bounded).
        for (int i = 0; i < 200 && server.ConnectionCount > 0; i++)
        {
            time.Advance(TimeSpan.FromSeconds(11));
            await Task.Delay(25);
        }

        Assert.True(await silent.WaitForCloseAsync());
        Assert.True(SpinWait.SpinUntil(() => server.ConnectionCount == 0, TestTimeouts.Default));
    }

    private static async Task<string> HandshakeThumbprintAsync(IPEndPoint server, SslProtocols protocols = SslProtocols.None)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server).WaitAsync(TestTimeouts.Default);
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), false);
        X509Certificate? seen = null;
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "pbx.test",
            EnabledSslProtocols = protocols,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                seen = certificate;
                return true;
            },
        }).WaitAsync(TestTimeouts.Default);
        return new X509Certificate2(seen!).Thumbprint;
    }
}
