using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class HostEnvironmentTests
{
    private static HostEnvironment Read(params (string Name, string? Value)[] vars)
    {
        var map = new Dictionary<string, string?>();
        foreach (var (name, value) in vars)
        {
            map[name] = value;
        }

        return HostEnvironment.From(n => map.TryGetValue(n, out string? v) ? v : null, () => "machine.local.test");
    }

    [Fact]
    public void Defaults_match_the_reference_image()
    {
        HostEnvironment env = Read();
        Assert.Equal(4, env.SyslogLevel);
        Assert.Equal(LogLevel.Error, env.MinimumLogLevel);
        Assert.Equal("machine.local.test", env.HostName);
        Assert.Equal("local.test", env.Domain);
        Assert.Equal(2048, env.TlsKeyBits);
        Assert.Equal(30, env.TlsCertDays);
        Assert.Equal("/acme/acme.json", env.AcmeFile);
        Assert.Null(env.AcmePostHook);
        Assert.Equal(80, env.WebSmsPort);
        Assert.Empty(env.Warnings);
    }

    [Fact]
    public void Values_are_taken_from_the_environment()
    {
        HostEnvironment env = Read(
            ("SYSLOG_LEVEL", "8"), ("HOSTNAME", "pbx.example.com"), ("TLS_KEYBITS", "3072"), ("TLS_CERTDAYS", "90"),
            ("ACME_FILE", "/srv/acme.json"), ("ACME_POSTHOOK", "echo done"), ("WEBSMSD_PORT", "8080"));
        Assert.Equal(8, env.SyslogLevel);
        Assert.Equal(LogLevel.Trace, env.MinimumLogLevel);
        Assert.Equal("pbx.example.com", env.HostName);
        Assert.Equal("example.com", env.Domain);
        Assert.Equal(3072, env.TlsKeyBits);
        Assert.Equal(90, env.TlsCertDays);
        Assert.Equal("/srv/acme.json", env.AcmeFile);
        Assert.Equal("echo done", env.AcmePostHook);
        Assert.Equal(8080, env.WebSmsPort);
        Assert.Empty(env.Warnings);
    }

    [Fact]
    public void Domain_is_honoured_when_set()
    {
        // The reference always overwrote DOMAIN with HOSTNAME minus its first label; we keep the user's.
        HostEnvironment env = Read(("HOSTNAME", "pbx.office.example.com"), ("DOMAIN", "example.com"));
        Assert.Equal("example.com", env.Domain);
    }

    [Theory]
    [InlineData("pbx.example.com", "example.com")]
    [InlineData("a.b.c.d", "b.c.d")]
    [InlineData("pbx", "")]
    [InlineData("pbx.", "")]
    public void Domain_defaults_to_hostname_minus_first_label(string host, string domain) =>
        Assert.Equal(domain, HostEnvironment.DomainOf(host));

    [Theory]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("http", null)]
    [InlineData("-1", null)]
    [InlineData("70000", null)]
    [InlineData("8O", null)]
    [InlineData("0080", 80)]
    [InlineData(" 9000 ", 9000)]
    public void WebSms_port_empty_or_not_numeric_disables(string value, int? expected) =>
        Assert.Equal(expected, Read(("WEBSMSD_PORT", value)).WebSmsPort);

    [Theory]
    [InlineData("SYSLOG_LEVEL", "9")]
    [InlineData("SYSLOG_LEVEL", "loud")]
    [InlineData("TLS_KEYBITS", "100")]
    [InlineData("TLS_KEYBITS", "2050")]
    [InlineData("TLS_CERTDAYS", "0")]
    [InlineData("TLS_CERTDAYS", "x")]
    public void Bad_values_fall_back_to_defaults_with_a_warning(string name, string value)
    {
        HostEnvironment env = Read((name, value));
        Assert.Equal(4, env.SyslogLevel);
        Assert.Equal(2048, env.TlsKeyBits);
        Assert.Equal(30, env.TlsCertDays);
        string warning = Assert.Single(env.Warnings);
        Assert.Contains(name, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_acme_file_disables_acme_and_empty_posthook_means_none()
    {
        HostEnvironment env = Read(("ACME_FILE", ""), ("ACME_POSTHOOK", " "));
        Assert.Null(env.AcmeFile);
        Assert.Null(env.AcmePostHook);
    }

    [Fact]
    public void Empty_hostname_falls_back_to_the_machine_name() =>
        Assert.Equal("machine.local.test", Read(("HOSTNAME", "")).HostName);

    [Fact]
    public void Hook_directories_can_be_overridden()
    {
        HostEnvironment env = Read(("DOCKER_ENTRY_DIR", "/x/entry.d"), ("DOCKER_EXIT_DIR", "/x/exit.d"));
        DataLayout layout = DataLayout.For("/srv", null, env);
        Assert.Equal("/x/entry.d", layout.EntryHooksDir);
        Assert.Equal("/x/exit.d", layout.ExitHooksDir);
    }
}
