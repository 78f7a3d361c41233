using Microsoft.Extensions.Time.Testing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Snapshot;

namespace Switchboard.Config.Tests.Snapshot;

public sealed class ConfigSnapshotLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sbsnap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    private void WriteValid()
    {
        Write("pjsip.conf", "[global]\ntype=global\n[udp]\ntype=transport\nbind=127.0.0.1:5060\n#tryinclude pjsip.d/*.conf\n");
        Write("pjsip_wizard.conf", "[alice]\ntype=wizard\naccepts_registrations=yes\naccepts_auth=yes\ninbound_auth/username=alice\ninbound_auth/password=a\naor/max_contacts=1\n");
        Write("rtp.conf", "[general]\nrtpstart=12000\nrtpend=12099\n");
        Write("extensions.conf", "[demo]\nexten => 100,1,Answer()\n same => n,Hangup()\n");
        Write("manager.conf", "[general]\nenabled=yes\n");
    }

    [Fact]
    public void Loads_typed_views_and_raw_documents()
    {
        WriteValid();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var result = new ConfigSnapshotLoader(timeProvider: time).LoadDirectory(_dir);
        Assert.True(result.Succeeded, ConfigChecker.Format(result));
        var s = result.Snapshot!;
        Assert.Equal(time.GetUtcNow(), s.LoadedAt);
        Assert.Equal(1, s.Generation);
        Assert.Equal(12000, s.Rtp.RtpStart);
        Assert.True(s.Pjsip.Endpoints.Contains("alice"));
        var ext = s.Document("extensions.conf")!;
        Assert.Equal(["exten", "same"], ext.Find("demo")!.Entries.Select(e => e.Key));
        Assert.NotNull(s.Document("manager.conf"));
        Assert.Null(s.Document("websms.conf"));
        Assert.NotNull(s.Document("pjsip_wizard.conf"));
    }

    [Fact]
    public void Any_error_means_no_snapshot_but_all_diagnostics()
    {
        WriteValid();
        Write("manager.conf", "[general]\nenabled\n");
        Write("rtp.conf", "[general]\nrtpstart=x\n");
        var result = ConfigSnapshotLoader.Load(_dir);
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.ErrorCount);
        Assert.Equal(1, ConfigChecker.ExitCode(result));
        var text = ConfigChecker.Format(result);
        Assert.Contains("manager.conf:2: error: expected 'key = value', found 'enabled'", text, StringComparison.Ordinal);
        Assert.Contains("rtp.conf:2: error:", text, StringComparison.Ordinal);
        Assert.EndsWith("2 errors, 0 warnings - configuration NOT loadable\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_pjsip_conf_or_directory_is_an_error()
    {
        Assert.False(ConfigSnapshotLoader.Load(_dir).Succeeded);
        var missing = ConfigSnapshotLoader.Load(Path.Combine(_dir, "nope"));
        Assert.False(missing.Succeeded);
        Assert.Contains("does not exist", Assert.Single(missing.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_keep_the_snapshot_and_are_reported()
    {
        WriteValid();
        Write("pjsip.conf", "[udp]\ntype=transport\nbind=127.0.0.1\nfrob=1\n");
        var result = ConfigSnapshotLoader.Load(_dir);
        Assert.True(result.Succeeded);
        Assert.Single(result.Snapshot!.Warnings);
        Assert.EndsWith("0 errors, 1 warning - configuration OK\n", ConfigChecker.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Module_validators_can_reject_a_candidate()
    {
        WriteValid();
        var validator = new RejectingValidator();
        var result = new ConfigSnapshotLoader([validator]).LoadDirectory(_dir);
        Assert.False(result.Succeeded);
        Assert.Equal("extensions.conf:3: error: rejected by test", Assert.Single(result.Diagnostics).ToString());
        Assert.NotNull(validator.Seen);
        Assert.True(validator.Seen!.Pjsip.Endpoints.Contains("alice"));
    }

    [Fact]
    public void Reload_with_a_broken_file_keeps_the_running_snapshot()
    {
        WriteValid();
        var loader = new ConfigSnapshotLoader();
        var store = new ConfigSnapshotStore(() => loader.LoadDirectory(_dir));
        Assert.Null(store.Current);
        Assert.True(store.Reload().Succeeded);
        var first = store.Current!;

        Write("pjsip_wizard.conf", "[alice]\ntype=wizard\naccepts_registrations=yes\naor/max_contacts=lots\n");
        var broken = store.Reload();
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.IsError && d.File == "pjsip_wizard.conf" && d.Line == 4);
        Assert.Same(first, store.Current);
        Assert.EndsWith("Reload failed with 1 error; the running configuration is unchanged\n", ConfigChecker.FormatReload(broken), StringComparison.Ordinal);
        Assert.StartsWith("pjsip_wizard.conf:4: error: aor 'alice': bad value 'lots'", ConfigChecker.FormatReload(broken), StringComparison.Ordinal);

        WriteValid();
        Directory.CreateDirectory(Path.Combine(_dir, "pjsip.d"));
        Write("pjsip.d/bob.conf", "[bob]\ntype=endpoint\n");
        var good = store.Reload();
        Assert.Equal("Configuration reloaded (generation 2, 0 warnings)\n", ConfigChecker.FormatReload(good));
        Assert.NotSame(first, store.Current);
        Assert.Equal(2, store.Current!.Generation);
        Assert.True(store.Current.Pjsip.Endpoints.Contains("bob"));
        Assert.False(first.Pjsip.Endpoints.Contains("bob"));
    }

    [Fact]
    public void Format_sorts_by_file_and_line()
    {
        var result = new ConfigLoadResult(null,
        [
            new ConfigDiagnostic(DiagnosticSeverity.Warning, "b.conf", 1, "w"),
            new ConfigDiagnostic(DiagnosticSeverity.Error, "a.conf", 9, "e2"),
            new ConfigDiagnostic(DiagnosticSeverity.Error, "a.conf", 2, "e1"),
        ]);
        Assert.Equal(
            "a.conf:2: error: e1\na.conf:9: error: e2\nb.conf:1: warning: w\n2 errors, 1 warning - configuration NOT loadable\n",
            ConfigChecker.Format(result));
    }

    [Fact]
    public void In_memory_source_works_for_the_embedded_demo()
    {
        var src = new InMemoryConfigFileSource().Add("pjsip.conf", "[t]\ntype=transport\nbind=127.0.0.1\n");
        var result = new ConfigSnapshotLoader().LoadFrom(src);
        Assert.True(result.Succeeded);
        Assert.Equal("(memory)", result.Snapshot!.ConfigDirectory);
    }

    private sealed class RejectingValidator : IConfigValidator
    {
        public ConfigSnapshot? Seen { get; private set; }

        public void Validate(ConfigSnapshot candidate, DiagnosticBag diagnostics)
        {
            Seen = candidate;
            diagnostics.Error("extensions.conf", 3, "rejected by test");
        }
    }
}
