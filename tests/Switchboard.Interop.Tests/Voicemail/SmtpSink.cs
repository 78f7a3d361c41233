using Switchboard.TestKit.Processes;

namespace Switchboard.Interop.Tests.Voicemail;

/// <summary>
/// A real SMTP server for the tests: python3's aiosmtpd (Debian python3-aiosmtpd) on 127.0.0.1 with a handler that
/// writes every accepted message to a directory as <c>N.eml</c> (envelope recipients in an X-Rcpt-To header); or,
/// started with a reject reply, answers every RCPT TO with it (e.g. <c>550 5.1.1 ...</c>).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Script = """
        import asyncio, os, ssl, sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult
        out, port = sys.argv[1], int(sys.argv[2])
        cert = sys.argv[3] if len(sys.argv) > 4 else None
        key = sys.argv[4] if len(sys.argv) > 4 else None
        def check(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == b"vm" and auth_data.password == b"secret"
            return AuthResult(success=ok)
        reject = os.environ.get("SMTP_SINK_REJECT_RCPT", "")
        class Handler:
            def __init__(self):
                self.n = 0
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if reject:
                    return reject
                envelope.rcpt_tos.append(address)
                return "250 OK"
            async def handle_DATA(self, server, session, envelope):
                self.n += 1
                tmp = os.path.join(out, "%d.tmp" % self.n)
                with open(tmp, "wb") as f:
                    f.write(("X-Rcpt-To: %s\r\nX-Mail-From: %s\r\n" % (",".join(envelope.rcpt_tos), envelope.mail_from)).encode())
                    f.write(envelope.original_content)
                os.rename(tmp, os.path.join(out, "%d.eml" % self.n))
                return "250 Message accepted for delivery"
        if cert:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(cert, key)
            c = Controller(Handler(), hostname="127.0.0.1", port=port, data_size_limit=0, tls_context=ctx,
                           require_starttls=True, auth_require_tls=True, authenticator=check, auth_required=True)
        else:
            c = Controller(Handler(), hostname="127.0.0.1", port=port, data_size_limit=0)
        c.start()
        print("READY", flush=True)
        try:
            sys.stdin.read()
        finally:
            c.stop()
        """;

    private readonly ExternalProcess _process;

    private SmtpSink(ExternalProcess process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    /// <summary>The python with aiosmtpd (Debian's /usr/bin/python3 before a pyenv shim on PATH).</summary>
    public static string? Python
    {
        get
        {
            foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
            {
                try
                {
                    using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                    if (p is not null && p.WaitForExit(20_000) && p.ExitCode == 0)
                    {
                        return candidate;
                    }
                }
                catch (System.ComponentModel.Win32Exception)
                {
                }
            }

            return null;
        }
    }

    public string Directory { get; }

    public int Port { get; }

    /// <param name="tls">Certificate and key files: the server then requires STARTTLS and AUTH (user vm, password secret).</param>
    /// <param name="rejectRecipients">An SMTP reply given to every RCPT TO instead of accepting it.</param>
    public static async Task<SmtpSink> StartAsync(string python, int port, string? directory = null, (string Cert, string Key)? tls = null, string? rejectRecipients = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("sb-smtp-sink-").FullName;
        List<string> args = ["-c", Script, directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (tls is { } t)
        {
            args.AddRange([t.Cert, t.Key]);
        }

        var environment = new Dictionary<string, string?> { ["SMTP_SINK_REJECT_RCPT"] = rejectRecipients ?? string.Empty };
        var process = ExternalProcess.Start(python, args, environment: environment, redirectStdin: true);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!process.Output.Contains("READY", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                string why = process.Output + process.Error;
                await process.DisposeAsync();
                throw new InvalidOperationException("aiosmtpd did not start: " + why);
            }

            await Task.Delay(50);
        }

        return new SmtpSink(process, directory, port);
    }

    public string[] Messages()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.eml");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<string[]> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var m = Messages();
            if (m.Length >= count || DateTime.UtcNow > deadline)
            {
                return m;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        await _process.WaitAsync(TimeSpan.FromSeconds(5));
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.DisposeAsync();
    }
}
