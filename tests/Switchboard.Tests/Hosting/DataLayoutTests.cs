using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class DataLayoutTests
{
    [Fact]
    public void Creates_every_directory_of_the_reference_layout_on_an_empty_mount()
    {
        using var dir = new TestDirectory();
        var log = new ListLogger();
        DataLayout layout = DataLayout.Create(dir.Path, log);

        foreach (string relative in new[]
        {
            "etc/asterisk", "etc/ssl/asterisk", "var/spool/asterisk", "var/spool/asterisk/outgoing",
            "var/spool/asterisk/outgoing_done", "var/spool/asterisk/voicemail", "var/spool/asterisk/staging",
            "var/log/asterisk", "var/lib/asterisk",
        })
        {
            Assert.True(Directory.Exists(dir.Combine(relative)), relative + " missing");
        }

        Assert.Equal(dir.Combine("etc", "asterisk"), layout.ConfigDir);
        Assert.Equal(dir.Combine("etc", "ssl", "asterisk", "cert.pem"), layout.CertFile);
        Assert.Equal(dir.Combine("etc", "ssl", "asterisk", "priv_key.pem"), layout.KeyFile);
        Assert.Equal(dir.Combine("etc", "docker", "entry.d"), layout.EntryHooksDir);
        Assert.Equal(dir.Combine("etc", "docker", "exit.d"), layout.ExitHooksDir);
        Assert.False(Directory.Exists(layout.EntryHooksDir));
    }

    [Fact]
    public void Config_dir_option_overrides_the_default()
    {
        using var dir = new TestDirectory();
        DataLayout layout = DataLayout.Create(dir.Combine("data"), new ListLogger(), dir.Combine("conf"));
        Assert.Equal(dir.Combine("conf"), layout.ConfigDir);
        Assert.True(Directory.Exists(dir.Combine("conf")));
        Assert.False(Directory.Exists(dir.Combine("data", "etc", "asterisk")));
    }

    [Fact]
    public void Existing_content_is_kept()
    {
        using var dir = new TestDirectory();
        string file = dir.Write("var/lib/asterisk/astdb.sqlite3", "keep");
        DataLayout.Create(dir.Path, new ListLogger());
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void A_directory_that_cannot_be_created_is_reported_not_thrown()
    {
        using var dir = new TestDirectory();
        dir.Write("var/log", "a file where a directory should be");
        var log = new ListLogger();
        DataLayout layout = DataLayout.For(dir.Path);
        IReadOnlyList<string> failed = layout.EnsureCreated(log);
        Assert.Equal([layout.LogDir], failed);
        Assert.True(log.Contains(LogLevel.Error, "cannot create directory " + layout.LogDir));
        Assert.True(Directory.Exists(layout.LibDir));
    }
}
