using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Tests.Hosting;
using Switchboard.Tls;

namespace Switchboard.Tests.Tls;

public sealed class TlsCertificateManagerTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly ListLogger _log = new();
    private readonly CertificateProvider _provider = new();

    private string CertFile => _dir.Combine("ssl", "cert.pem");

    private string KeyFile => _dir.Combine("ssl", "priv_key.pem");

    private string AcmeFile => _dir.Combine("acme", "acme.json");

    public void Dispose() => _dir.Dispose();

    private TlsCertificateManager Manager(TimeProvider? time = null, string? postHook = null) => new(
        new TlsOptions
        {
            CertFile = CertFile,
            KeyFile = KeyFile,
            HostName = "pbx.example.com",
            Domain = "example.com",
            KeyBits = 2048,
            CertDays = 30,
            AcmeFile = AcmeFile,
            AcmePostHook = postHook,
            PollInterval = TimeSpan.FromMilliseconds(100),
            Debounce = TimeSpan.FromMilliseconds(20),
        },
        _provider,
        _log,
        time);

    private async Task WaitFor(Func<bool> condition)
    {
        for (int i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached in 30 s; log: " + string.Join(" | ", _log.Messages));
    }

    [Fact]
    public void Without_files_a_self_signed_certificate_is_generated_and_written()
    {
        using TlsCertificateManager manager = Manager();
        manager.Initialize();

        TlsServerCertificate current = _provider.CurrentEntry!;
        Assert.True(current.IsSelfSigned);
        Assert.Equal("CN=pbx.example.com", current.Certificate.Subject);
        Assert.True(current.Certificate.MatchesHostname("pbx.example.com"));
        Assert.Equal(current.Thumbprint, PemCertificateFiles.TryLoad(CertFile, KeyFile).Certificate!.Thumbprint);
        Assert.True(_log.Contains(LogLevel.Information, "generating a self-signed certificate for pbx.example.com (RSA 2048, 30 days)"));
    }

    [Fact]
    public void Existing_files_are_used_and_not_rewritten()
    {
        var (chain, key, thumbprint) = TestCertificates.CaSigned("pbx.example.com");
        _dir.Write("ssl/cert.pem", chain);
        _dir.Write("ssl/priv_key.pem", key);

        using TlsCertificateManager manager = Manager();
        manager.Initialize();

        Assert.Equal(thumbprint, _provider.CurrentEntry!.Thumbprint);
        Assert.Equal(chain, File.ReadAllText(CertFile));
    }

    [Fact]
    public void A_cert_file_that_is_not_pem_is_reported_left_alone_and_a_temporary_cert_served()
    {
        _dir.Write("ssl/cert.pem", "garbage");
        _dir.Write("ssl/priv_key.pem", "garbage");

        using TlsCertificateManager manager = Manager();
        manager.Initialize();

        Assert.Equal("garbage", File.ReadAllText(CertFile));
        Assert.True(_log.Contains(LogLevel.Error, $"{CertFile} is not a PEM certificate (no BEGIN CERTIFICATE line); keeping the current TLS certificate"));
        Assert.Equal("temporary self-signed (in memory)", _provider.CurrentEntry!.Source);
    }

    [Fact]
    public void Acme_certificate_for_the_hostname_is_used_at_start_and_written()
    {
        var (chain, key, thumbprint) = TestCertificates.CaSigned("pbx.example.com");
        _dir.Write("acme/acme.json", TestCertificates.AcmeV2(("le", "pbx.example.com", [], chain, key)));

        using TlsCertificateManager manager = Manager();
        manager.Initialize();

        Assert.Equal(thumbprint, _provider.CurrentEntry!.Thumbprint);
        Assert.StartsWith("acme " + AcmeFile, _provider.CurrentEntry.Source, StringComparison.Ordinal);
        Assert.Equal(thumbprint, PemCertificateFiles.TryLoad(CertFile, KeyFile).Certificate!.Thumbprint);
    }

    [Fact]
    public void Acme_file_without_a_match_falls_back_to_self_signed()
    {
        var (chain, key, _) = TestCertificates.CaSigned("other.example.net");
        _dir.Write("acme/acme.json", TestCertificates.AcmeV2(("le", "other.example.net", [], chain, key)));

        using TlsCertificateManager manager = Manager();
        manager.Initialize();

        Assert.True(_provider.CurrentEntry!.IsSelfSigned);
        Assert.True(_log.Contains(LogLevel.Warning, "has no certificate for pbx.example.com or example.com"));
    }

    [Fact]
    public async Task New_acme_certificate_is_swapped_in_and_the_posthook_runs()
    {
        string marker = _dir.Combine("posthook-ran");
        var (chainA, keyA, thumbA) = TestCertificates.CaSigned("pbx.example.com");
        _dir.Write("acme/acme.json", TestCertificates.AcmeV2(("le", "example.com", ["pbx.example.com"], chainA, keyA)));
        using TlsCertificateManager manager = Manager(postHook: $"touch {marker}");
        manager.Initialize();
        Assert.Equal(thumbA, _provider.CurrentEntry!.Thumbprint);
        Assert.False(File.Exists(marker), "no posthook at start, like the reference");

        using var cts = new CancellationTokenSource();
        Task run = manager.RunAsync(cts.Token);

        var (chainB, keyB, thumbB) = TestCertificates.CaSigned("pbx.example.com");
        File.WriteAllText(AcmeFile, TestCertificates.AcmeV2(("le", "example.com", ["pbx.example.com"], chainB, keyB)));
        await WaitFor(() => _provider.CurrentEntry!.Thumbprint == thumbB && File.Exists(marker));
        Assert.Equal(thumbB, PemCertificateFiles.TryLoad(CertFile, KeyFile).Certificate!.Thumbprint);

        // Not JSON: reported, certificate kept, no posthook.
        File.Delete(marker);
        File.WriteAllText(AcmeFile, "{ this is not json");
        await WaitFor(() => _log.Contains(LogLevel.Error, $"ACME file {AcmeFile} not valid JSON"));
        Assert.Equal(thumbB, _provider.CurrentEntry!.Thumbprint);
        Assert.False(File.Exists(marker));

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Replaced_pem_files_are_reloaded_and_bad_ones_ignored()
    {
        using TlsCertificateManager manager = Manager();
        manager.Initialize();
        string first = _provider.CurrentEntry!.Thumbprint;
        using var cts = new CancellationTokenSource();
        Task run = manager.RunAsync(cts.Token);

        var (chain, key, thumbprint) = TestCertificates.CaSigned("pbx.example.com");
        File.WriteAllText(KeyFile, key);
        File.WriteAllText(CertFile, chain);
        await WaitFor(() => _provider.CurrentEntry!.Thumbprint == thumbprint);
        Assert.NotEqual(first, thumbprint);

        File.WriteAllText(CertFile, "not pem");
        await WaitFor(() => _log.Contains(LogLevel.Error, "is not a PEM certificate"));
        Assert.Equal(thumbprint, _provider.CurrentEntry!.Thumbprint);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Self_signed_certificate_is_renewed_when_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using TlsCertificateManager manager = Manager(time);
        manager.Initialize();
        string first = _provider.CurrentEntry!.Thumbprint;

        time.Advance(TimeSpan.FromDays(20));
        await manager.CheckRenewalAsync(CancellationToken.None);
        Assert.Equal(first, _provider.CurrentEntry!.Thumbprint);

        time.Advance(TimeSpan.FromDays(9.5));
        await manager.CheckRenewalAsync(CancellationToken.None);
        TlsServerCertificate renewed = _provider.CurrentEntry!;
        Assert.NotEqual(first, renewed.Thumbprint);
        Assert.True(renewed.Certificate.NotAfter.ToUniversalTime() > time.GetUtcNow().AddDays(29).UtcDateTime);
        Assert.Equal(renewed.Thumbprint, PemCertificateFiles.TryLoad(CertFile, KeyFile).Certificate!.Thumbprint);
        Assert.True(_log.Contains(LogLevel.Information, "renewing self-signed certificate"));
    }

    [Fact]
    public void Expired_self_signed_files_are_replaced_at_start()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-60));
        using (TlsCertificateManager old = Manager(time))
        {
            old.Initialize();
        }

        string expired = _provider.CurrentEntry!.Thumbprint;
        var fresh = new CertificateProvider();
        using var manager = new TlsCertificateManager(
            new TlsOptions { CertFile = CertFile, KeyFile = KeyFile, HostName = "pbx.example.com" }, fresh, _log);
        manager.Initialize();
        Assert.NotEqual(expired, fresh.CurrentEntry!.Thumbprint);
        Assert.True(fresh.CurrentEntry.Certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow);
    }
}
