using Microsoft.Extensions.Logging;
using Switchboard.Tls.Acme;

namespace Switchboard.Tls;

/// <summary>
/// Keeps <see cref="CertificateProvider"/> holding the right server certificate:
/// <list type="number">
/// <item>the ACME certificate for HOSTNAME / DOMAIN from Traefik's acme.json when there is one
///   (also written to cert.pem / priv_key.pem; ACME_POSTHOOK runs after each later change);</item>
/// <item>else cert.pem / priv_key.pem;</item>
/// <item>else a self-signed certificate, generated and written there, renewed before it expires.</item>
/// </list>
/// acme.json and the PEM pair are watched; a changed file is loaded without restart. A file that
/// is not JSON / not PEM is reported and the current certificate stays. A user's unusable cert.pem
/// is never overwritten: a temporary in-memory self-signed certificate is served instead.
/// </summary>
internal sealed partial class TlsCertificateManager : IDisposable
{
    private readonly TlsOptions _options;
    private readonly CertificateProvider _provider;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FileChangeWatcher _pemWatcher;
    private readonly FileChangeWatcher? _acmeWatcher;
    private bool _acmeMissingLogged;

    public TlsCertificateManager(TlsOptions options, CertificateProvider provider, ILogger log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _provider = provider;
        _log = log;
        _time = time ?? TimeProvider.System;
        _pemWatcher = new FileChangeWatcher([options.CertFile, options.KeyFile], _time, options.PollInterval, options.Debounce);
        if (!string.IsNullOrEmpty(options.AcmeFile))
        {
            _acmeWatcher = new FileChangeWatcher([options.AcmeFile], _time, options.PollInterval, options.Debounce);
        }
    }

    /// <summary>Chooses the first certificate (synchronous, before the TLS transport starts).</summary>
    public void Initialize()
    {
        _gate.Wait();
        try
        {
            if (!TryTakeAcme())
            {
                LoadFilesOrGenerate(startup: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Watches acme.json and the PEM pair and renews the self-signed certificate; run it under the ComponentSupervisor.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var loops = new List<Task>
        {
            GuardAsync("PEM file watcher", ct => _pemWatcher.RunAsync(OnPemFilesChangedAsync, ct), cancellationToken),
            GuardAsync("self-signed renewal", RenewLoopAsync, cancellationToken),
        };
        if (_acmeWatcher is not null)
        {
            loops.Add(GuardAsync("ACME file watcher", ct => _acmeWatcher.RunAsync(OnAcmeChangedAsync, ct), cancellationToken));
        }

        // Each loop ends only when the token is cancelled: a failing one is logged and restarted by GuardAsync,
        // never taking the others down with it.
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task GuardAsync(string name, Func<CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await loop(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogLoopFailed(_log, name, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Renews the self-signed certificate when it expires within the renewal window.</summary>
    public async Task CheckRenewalAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TlsServerCertificate? current = _provider.CurrentEntry;
            if (current is null)
            {
                LoadFilesOrGenerate(startup: false);
                return;
            }

            if (current.IsSelfSigned && NeedsRenewal(current))
            {
                LogRenewing(_log, current.ToString());
                bool filesUsable = PemCertificateFiles.TryLoad(_options.CertFile, _options.KeyFile).Status != CertificateLoadStatus.Invalid;
                GenerateSelfSigned(write: filesUsable);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _pemWatcher.Dispose();
        _acmeWatcher?.Dispose();
        _gate.Dispose();
    }

    internal bool NeedsRenewal(TlsServerCertificate certificate)
    {
        DateTimeOffset notBefore = certificate.Certificate.NotBefore.ToUniversalTime();
        DateTimeOffset notAfter = certificate.Certificate.NotAfter.ToUniversalTime();
        TimeSpan window = (notAfter - notBefore) / 10;
        if (window > TimeSpan.FromDays(1))
        {
            window = TimeSpan.FromDays(1);
        }

        return _time.GetUtcNow() >= notAfter - window;
    }

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.RenewalCheckInterval, _time, cancellationToken).ConfigureAwait(false);
            await CheckRenewalAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnAcmeChangedAsync(string hash, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool changed;
        try
        {
            int before = _provider.Version;
            TryTakeAcme();
            changed = _provider.Version != before;
        }
        finally
        {
            _gate.Release();
        }

        if (changed && _options.AcmePostHook is { } hook)
        {
            await PostHookRunner.RunAsync(hook, _log, _options.PostHookTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnPemFilesChangedAsync(string hash, CancellationToken cancellationToken)
    {
        // A file that is empty or absent may be in the middle of being replaced (truncate, then
        // write): regenerate only when that state outlasts a settle period, or an operator's new
        // certificate would be overwritten by a self-signed one.
        if (PemCertificateFiles.IsMissingOrEmpty(_options.CertFile, _options.KeyFile))
        {
            TimeSpan settle = _options.Debounce * 4 > TimeSpan.FromMilliseconds(500) ? _options.Debounce * 4 : TimeSpan.FromMilliseconds(500);
            await Task.Delay(settle, _time, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(FileChangeWatcher.ComputeHash([_options.CertFile, _options.KeyFile]), hash, StringComparison.Ordinal))
            {
                return; // Still changing: the watcher sees the new content on its next pass.
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CertificateLoadResult result = PemCertificateFiles.TryLoad(_options.CertFile, _options.KeyFile);
            switch (result.Status)
            {
                case CertificateLoadStatus.Loaded:
                    if (_provider.Set(result.Certificate!))
                    {
                        LogReloaded(_log, result.Certificate!.ToString());
                    }

                    break;
                case CertificateLoadStatus.Invalid:
                    LogKeepingCurrent(_log, result.Error!);
                    break;
                default:
                    LogFilesGone(_log, result.Error!);
                    GenerateSelfSigned(write: true);
                    break;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes the ACME certificate when acme.json has a usable one; true when it is (now) current.</summary>
    private bool TryTakeAcme()
    {
        string? file = _options.AcmeFile;
        if (string.IsNullOrEmpty(file))
        {
            return false;
        }

        byte[] content;
        try
        {
            if (!File.Exists(file))
            {
                if (!_acmeMissingLogged)
                {
                    LogAcmeAbsent(_log, file);
                    _acmeMissingLogged = true;
                }

                return false;
            }

            content = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogAcmeBad(_log, file, "cannot be read: " + ex.Message);
            return false;
        }

        _acmeMissingLogged = false;
        if (!AcmeStoreReader.TryRead(content, out AcmeStore? store, out string? error))
        {
            LogAcmeBad(_log, file, error!);
            return false;
        }

        foreach (string problem in store!.Problems)
        {
            LogAcmeProblem(_log, file, problem);
        }

        AcmeCertificateEntry? entry = store.Find(_options.HostName, _options.Domain);
        if (entry is null)
        {
            LogAcmeNoMatch(_log, file, _options.HostName, string.IsNullOrEmpty(_options.Domain) ? "-" : _options.Domain);
            return false;
        }

        string source = $"acme {file} ({entry.Main})";
        CertificateLoadResult loaded = PemCertificateFiles.FromPem(entry.CertificatePem, entry.KeyPem, source, $"{file} certificate of {entry.Main}", $"{file} key of {entry.Main}");
        if (loaded.Status != CertificateLoadStatus.Loaded)
        {
            LogAcmeBad(_log, file, loaded.Error!);
            return false;
        }

        TlsServerCertificate certificate = loaded.Certificate!;
        if (_provider.Set(certificate))
        {
            LogUsing(_log, certificate.ToString());
            WriteFiles(certificate);
        }

        return true;
    }

    private void LoadFilesOrGenerate(bool startup)
    {
        CertificateLoadResult result = PemCertificateFiles.TryLoad(_options.CertFile, _options.KeyFile);
        switch (result.Status)
        {
            case CertificateLoadStatus.Loaded:
                TlsServerCertificate loaded = result.Certificate!;
                if (loaded.IsSelfSigned && NeedsRenewal(loaded))
                {
                    LogRenewing(_log, loaded.ToString());
                    GenerateSelfSigned(write: true);
                    return;
                }

                if (_time.GetUtcNow() > loaded.Certificate.NotAfter.ToUniversalTime())
                {
                    LogExpired(_log, loaded.ToString());
                }

                if (_provider.Set(loaded))
                {
                    LogUsing(_log, loaded.ToString());
                }

                return;
            case CertificateLoadStatus.Missing:
                if (startup)
                {
                    LogGenerating(_log, _options.HostName, _options.KeyBits, _options.CertDays, result.Error!);
                }

                GenerateSelfSigned(write: true);
                return;
            default:
                LogKeepingCurrent(_log, result.Error!);
                if (_provider.CurrentEntry is null)
                {
                    LogTemporary(_log, _options.CertFile);
                    GenerateSelfSigned(write: false);
                }

                return;
        }
    }

    private void GenerateSelfSigned(bool write)
    {
        var certificate = new TlsServerCertificate(
            SelfSignedCertificateFactory.Create(_options.HostName, _options.KeyBits, _options.CertDays, _time),
            null,
            write ? "self-signed" : "temporary self-signed (in memory)");
        if (write)
        {
            WriteFiles(certificate);
        }

        _provider.Set(certificate);
        LogUsing(_log, certificate.ToString());
    }

    private void WriteFiles(TlsServerCertificate certificate)
    {
        try
        {
            PemCertificateFiles.Write(_options.CertFile, _options.KeyFile, certificate);
            _pemWatcher.Acknowledge();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_log, _options.CertFile, ex.Message);
        }
    }

    [LoggerMessage(EventId = 5119, Level = LogLevel.Error, Message = "TLS {Loop} failed and is restarted")]
    private static partial void LogLoopFailed(ILogger log, string loop, Exception exception);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "TLS certificate: {Certificate}")]
    private static partial void LogUsing(ILogger log, string certificate);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "generating a self-signed certificate for {Host} (RSA {Bits}, {Days} days): {Why}")]
    private static partial void LogGenerating(ILogger log, string host, int bits, int days, string why);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "renewing self-signed certificate {Certificate}")]
    private static partial void LogRenewing(ILogger log, string certificate);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "{Error}; keeping the current TLS certificate")]
    private static partial void LogKeepingCurrent(ILogger log, string error);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "serving a temporary in-memory self-signed certificate; {CertFile} is left as it is")]
    private static partial void LogTemporary(ILogger log, string certFile);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "TLS certificate reloaded: {Certificate}")]
    private static partial void LogReloaded(ILogger log, string certificate);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "{Why}; generating a new self-signed certificate")]
    private static partial void LogFilesGone(ILogger log, string why);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "ACME file {File} {Error}; keeping the current TLS certificate")]
    private static partial void LogAcmeBad(ILogger log, string file, string error);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "ACME file {File}: {Problem}")]
    private static partial void LogAcmeProblem(ILogger log, string file, string problem);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "ACME file {File} has no certificate for {Host} or {Domain}")]
    private static partial void LogAcmeNoMatch(ILogger log, string file, string host, string domain);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "ACME file {File} does not exist (yet); watching for it")]
    private static partial void LogAcmeAbsent(ILogger log, string file);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "TLS certificate has expired: {Certificate}")]
    private static partial void LogExpired(ILogger log, string certificate);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Error, Message = "cannot write {File}: {Reason}; the certificate is served from memory")]
    private static partial void LogWriteFailed(ILogger log, string file, string reason);
}
