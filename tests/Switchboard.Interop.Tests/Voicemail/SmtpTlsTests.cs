using MimeKit;
using Switchboard.Core.Voicemail;
using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// The MailKit sender against aiosmtpd requiring STARTTLS and AUTH with a self-signed certificate (openssl):
/// certificate verification is on by default, smtpinsecure turns it off, and the credentials from
/// minivm-send's -u/-p are used.
/// </summary>
public sealed class SmtpTlsTests
{
    [SkippableFact]
    public async Task Starttls_with_auth_delivers_and_a_self_signed_certificate_is_refused_unless_allowed()
    {
        string? python = SmtpSink.Python;
        Skip.If(python is null, "python3-aiosmtpd is not installed");
        Skip.IfNot(ExternalTool.Exists("openssl"), "openssl is not installed");
        string dir = Directory.CreateTempSubdirectory("sb-smtp-tls-").FullName;
        string cert = Path.Combine(dir, "cert.pem");
        string key = Path.Combine(dir, "key.pem");
        var gen = await ExternalProcess.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], TimeSpan.FromSeconds(60), dir);
        Assert.True(gen.ExitCode == 0, gen.ToString());
        int port = FreePort.Tcp();
        await using var sink = await SmtpSink.StartAsync(python!, port, tls: (cert, key));

        Assert.True(MailCommand.TryParse($"minivm-send -H 127.0.0.1:{port} -P starttls -u vm -p secret -f vm@example.com", out var settings, out var error), error);
        var verified = new SmtpMailSender(settings);
        var refused = await Record.ExceptionAsync(() => verified.SendAsync(Message(), CancellationToken.None));
        Assert.IsType<MailKit.Security.SslHandshakeException>(refused);
        Assert.Empty(sink.Messages());

        await new SmtpMailSender(settings with { AllowInvalidCertificate = true }).SendAsync(Message(), CancellationToken.None);
        var mails = await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10));
        Assert.Single(mails);
        Assert.Contains("X-Mail-From: vm@example.com", await File.ReadAllTextAsync(mails[0]), StringComparison.Ordinal);

    }

    private static MimeMessage Message()
    {
        var m = new MimeMessage();
        m.From.Add(new MailboxAddress("voicemail", "vm@example.com"));
        m.To.Add(new MailboxAddress(string.Empty, "john@example.com"));
        m.Subject = "tls";
        m.Body = new TextPart("plain") { Text = "hello" };
        return m;
    }
}
