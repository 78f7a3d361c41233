using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Voicemail;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>minivm.conf: [general], templates, accounts, PrivateDial's minivm-send mailcmd; problems with file:line.</summary>
public sealed class MiniVmConfigTests
{
    private static (MiniVmConfig Config, List<ConfigDiagnostic> Diagnostics) Load(string text)
    {
        var bag = new DiagnosticBag();
        var doc = ConfParser.ParseText("minivm.conf", text, bag);
        var diagnostics = new List<ConfigDiagnostic>();
        return (MiniVmConfigLoader.Load(doc, diagnostics.Add), diagnostics);
    }

    [Fact]
    public void The_seed_minivm_conf_loads_without_warnings()
    {
        var seed = Path.Combine(RepoRoot(), "config", "seed", "minivm.conf");
        var (config, diagnostics) = Load(File.ReadAllText(seed));
        Assert.Empty(diagnostics);
        var smtp = Assert.IsType<SmtpSettings>(config.Smtp);
        Assert.Equal(("mx.example.com", 587, SmtpSecurity.StartTls, "username", "password", "voicemail-noreply@example.com"), (smtp.Host, smtp.Port, smtp.Security, smtp.User, smtp.Password, smtp.EnvelopeFrom));
        Assert.False(smtp.AllowInvalidCertificate);
        Assert.Equal("wav49", config.Format);
        var t = Assert.IsType<MiniVmTemplate>(config.FindTemplate("en_US_email"));
        Assert.Equal("voicemail-noreply@example.com", t.FromEmail);
        Assert.Equal("voicemail", t.FromAddress);
        Assert.Equal("[voicemail] from ${MVM_CALLERID}", t.Subject);
        Assert.Equal("iso-8859-1", t.Charset);
        Assert.True(t.AttachMedia);
        Assert.Equal("%A, %d %B %Y at %H:%M:%S", t.DateFormat);
        Assert.Equal("sv_SE", t.Locale);
    }

    [Fact]
    public void General_limits_and_explicit_smtp_keys_are_read()
    {
        var (config, diagnostics) = Load("""
            [general]
            smtphost = smtp.example.net
            smtpport = 465
            smtpsecurity = smtps
            smtpuser = vm
            smtppassword = secret
            smtpinsecure = yes
            minmessage = 2
            maxmessage = 120
            maxsilence = 5
            silencethreshold = 300
            logfile = /var/log/asterisk/minivm
            """);
        Assert.Empty(diagnostics);
        var smtp = config.Smtp!;
        Assert.Equal(("smtp.example.net", 465, SmtpSecurity.SslOnConnect, "vm", "secret", true), (smtp.Host, smtp.Port, smtp.Security, smtp.User, smtp.Password, smtp.AllowInvalidCertificate));
        Assert.Equal(TimeSpan.FromSeconds(2), config.MinMessage);
        Assert.Equal(TimeSpan.FromSeconds(120), config.MaxMessage);
        Assert.Equal(TimeSpan.FromSeconds(5), config.MaxSilence);
        Assert.Equal(300, config.SilenceThreshold);
    }

    [Fact]
    public void Problems_are_reported_with_file_and_line_and_the_rest_loads()
    {
        var (config, diagnostics) = Load("""
            [general]
            mailcmd = /usr/sbin/sendmail -t
            maxmessage = lots
            colour = blue

            [template-x]
            subject = hi
            bogus = 1
            """);
        Assert.Null(config.Smtp);
        Assert.Equal("hi", config.FindTemplate("x")!.Subject);
        Assert.Collection(
            diagnostics,
            d => Assert.Equal((2, true), (d.Line, d.Message.Contains("sendmail", StringComparison.Ordinal))),
            d => Assert.Equal((3, true), (d.Line, d.Message.Contains("maxmessage", StringComparison.Ordinal))),
            d => Assert.Equal((4, true), (d.Line, d.Message.Contains("colour", StringComparison.Ordinal))),
            d => Assert.Equal((8, true), (d.Line, d.Message.Contains("bogus", StringComparison.Ordinal))));
        Assert.All(diagnostics, d => Assert.Equal("minivm.conf", d.File));
    }

    [Fact]
    public void Accounts_override_the_address_and_template()
    {
        var (config, diagnostics) = Load("""
            [template-short]
            subject = vm

            [john@example.com]
            fullname = John Doe
            email = john.doe@mail.example.com
            etemplate = short
            setvar = ROOM=12
            """);
        Assert.Empty(diagnostics);
        Assert.True(Mailbox.TryParse("john@Example.com", out var box, out _));
        var account = config.AccountFor(box);
        Assert.True(account.IsStatic);
        Assert.Equal(("John Doe", "john.doe@mail.example.com", "short", "12"), (account.FullName, account.EffectiveEmail, account.EmailTemplate, account.Variables["ROOM"]));
        Assert.True(Mailbox.TryParse("jane@example.com", out var other, out _));
        Assert.False(config.AccountFor(other).IsStatic);
        Assert.Equal("jane@example.com", config.AccountFor(other).EffectiveEmail);
        Assert.Null(config.FindTemplate("missing"));
        Assert.NotNull(config.FindTemplate(null));
    }

    [Theory]
    [InlineData("minivm-send -H mx:587 -P starttls -u u -p 'p w' -f a@b", "mx", 587, SmtpSecurity.StartTls, "p w")]
    [InlineData("/usr/local/bin/minivm-send -e -H mail.example.com -P smtps", "mail.example.com", 465, SmtpSecurity.SslOnConnect, null)]
    [InlineData("minivm-send -P tls -H [::1]:2465", "::1", 2465, SmtpSecurity.SslOnConnect, null)]
    [InlineData("minivm-send -H 127.0.0.1:2525", "127.0.0.1", 2525, SmtpSecurity.None, null)]
    public void Minivm_send_arguments_become_smtp_settings(string command, string host, int port, SmtpSecurity security, string? password)
    {
        Assert.True(MailCommand.TryParse(command, out var s, out var error), error);
        Assert.Equal((host, port, security, password), (s.Host, s.Port, s.Security, s.Password));
    }

    [Theory]
    [InlineData("minivm-send -H mx:99999")]
    [InlineData("minivm-send -P carrier-pigeon")]
    [InlineData("minivm-send -X 1")]
    [InlineData("sendmail -t")]
    [InlineData("")]
    public void Bad_mail_commands_are_refused_with_a_reason(string command)
    {
        Assert.False(MailCommand.TryParse(command, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("john.doe@example.com", true)]
    [InlineData("john.doe", false)]
    [InlineData("../x@example.com", false)]
    [InlineData("a@..", false)]
    [InlineData("a/b@example.com", false)]
    public void Mailboxes_must_be_user_at_domain_and_safe_as_paths(string text, bool ok)
        => Assert.Equal(ok, Mailbox.TryParse(text, out _, out _));

    [Fact]
    public void Maxattempts_sets_when_mail_is_given_up_and_defaults_to_about_a_day()
    {
        Assert.Equal(MailOutbox.DefaultMaxAttempts, Load("[general]\n").Config.MailMaxAttempts);
        Assert.Equal(12, Load("[general]\nmaxattempts = 12\n").Config.MailMaxAttempts);
        Assert.Equal(0, Load("[general]\nmaxattempts = 0\n").Config.MailMaxAttempts);
        var (config, diagnostics) = Load("[general]\nmaxattempts = many\n");
        Assert.Equal(MailOutbox.DefaultMaxAttempts, config.MailMaxAttempts);
        Assert.Contains("maxattempts", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
