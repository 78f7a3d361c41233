using Microsoft.Extensions.Logging;
using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Cli;
using Switchboard.AutoBan.Configuration;
using Switchboard.AutoBan.Enforcement;
using Switchboard.AutoBan.Logging;
using Switchboard.AutoBan.Policy;
using Switchboard.AutoBan.State;
using Switchboard.Common.Nft;
using Switchboard.Common.Timing;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Transport.Admission;

namespace Switchboard.AutoBan;

/// <summary>
/// AutoBan, built in: security events from the <see cref="EventBus"/> drive the watch/jail/parole policy; bans are
/// enforced by the in-process <see cref="AdmissionFilter"/> always and by nftables when the process may use it;
/// state with remaining times lives in <c>autoban.json</c>. The host registers <see cref="CliCommand"/> and hands
/// <see cref="AdmissionFilter"/> to the transports.
/// </summary>
public sealed class AutoBanService : IAsyncDisposable
{
    private readonly AutoBanOptions _options;
    private readonly EventBus _events;
    private readonly ILogger _logger;
    private readonly TimingWheel _wheel;
    private readonly bool _ownsWheel;
    private readonly INftRunner? _explicitRunner;
    private readonly AutoBanAdmissionFilter _filter;
    private readonly ObserverFanout _observers;
    private readonly BanPolicy _policy;
    private readonly AutoBanStateStore _store;
    private readonly StateSaver _saver;
    private readonly AutoBanCliCommand _cli;
    private NftEnforcer? _nft;
    private IDisposable? _subscription;
    private int _state;

    /// <param name="options">From <see cref="AutoBanConfigLoader"/>.</param>
    /// <param name="events">Security events arrive here.</param>
    /// <param name="time">Clock for every time AutoBan keeps.</param>
    /// <param name="logger">Bans and releases are warnings; everything else information or debug.</param>
    /// <param name="statePath">autoban.json, e.g. &lt;data-dir&gt;/var/lib/asterisk/autoban.json.</param>
    /// <param name="nft">nft runner; null = detect (CAP_NET_ADMIN and nft on PATH) and run nft directly.</param>
    /// <param name="wheel">Timing wheel for expiry; null = AutoBan's own wheel with a 1 s tick.</param>
    public AutoBanService(AutoBanOptions options, EventBus events, TimeProvider time, ILogger logger, string statePath,
        INftRunner? nft = null, TimingWheel? wheel = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(statePath);
        _options = options;
        _events = events;
        _logger = logger;
        _explicitRunner = nft;
        _ownsWheel = wheel is null;
        _wheel = wheel ?? new TimingWheel(time, TimeSpan.FromSeconds(1), 1024);
        _filter = new AutoBanAdmissionFilter(options.Ipv6PrefixLength);
        _observers = new ObserverFanout();
        _policy = new BanPolicy(options, _wheel, _filter, _observers, logger);
        _store = new AutoBanStateStore(statePath);
        _saver = new StateSaver(_store, SnapshotDocument, _wheel, logger, TimeSpan.FromSeconds(1));
        _cli = new AutoBanCliCommand(_policy);
    }

    /// <summary>
    /// Reads autoban.conf at <paramref name="configPath"/> and creates the service, or returns null (and logs why)
    /// when AutoBan is disabled: the file is missing or says <c>enabled = no</c>. Problems are logged with file:line.
    /// </summary>
    public static AutoBanService? FromConfigFile(string configPath, EventBus events, TimeProvider time, ILogger logger, string statePath)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var config = AutoBanConfigLoader.Load(configPath);
        foreach (var d in config.Diagnostics)
        {
            AutoBanLog.ConfigProblem(logger, d.ToString());
        }

        if (!config.Options.Enabled)
        {
            AutoBanLog.Disabled(logger, configPath);
            return null;
        }

        return new AutoBanService(config.Options, events, time, logger, statePath);
    }

    /// <summary>The in-process layer; hand it to every transport (SIP, AMI, WebSMS).</summary>
    public AutoBanAdmissionFilter AdmissionFilter => _filter;

    /// <summary>The <c>autoban</c> CLI command, for <see cref="CliCommandRegistry.Register"/>.</summary>
    public ICliCommand CliCommand => _cli;

    /// <summary>True when the nftables layer is active.</summary>
    public bool NftActive => _nft is not null;

    /// <summary>Why nftables is not used (empty when it is).</summary>
    public string NftUnavailableReason { get; private set; } = "";

    public AutoBanOptions Options => _options;

    internal BanPolicy Policy => _policy;

    internal NftEnforcer? Nft => _nft;

    internal StateSaver Saver => _saver;

    /// <summary>Creates and registers the CLI command, restores state, loads nftables and subscribes to events.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("AutoBan was already started.");
        }

        var restored = LoadState();
        var pendingUnits = await StartNftAsync(restored, cancellationToken).ConfigureAwait(false);

        // Restored state is already in the nft table (created with it), so observers join afterwards.
        foreach (var view in restored)
        {
            _policy.Restore(view);
        }

        _observers.Add(_saver);
        if (_nft is not null)
        {
            _observers.Add(_nft);
            _nft.Start();
            _nft.Enqueue(pendingUnits);
        }

        ApplyConfiguredLists();
        _subscription = _events.Subscribe<SecurityEvent>(e => OnSecurityEvent(e));
        AutoBanLog.Activated(_logger, _options.MaxCount, DurationSyntax.Format(_options.WatchTime), DurationSyntax.Format(_options.JailTime), _options.RepeatMult, restored.Count);
    }

    /// <summary>Unsubscribes, writes the final state and applies the last nft changes. The nft table stays loaded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        int previous = Interlocked.CompareExchange(ref _state, 2, 1);
        if (previous == 0 && Interlocked.CompareExchange(ref _state, 2, 0) == 0 && _ownsWheel)
        {
            _wheel.Dispose();
        }

        if (previous != 1)
        {
            return;
        }

        _subscription?.Dispose();
        _saver.Stop();
        if (_nft is not null)
        {
            await _nft.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_ownsWheel)
        {
            _wheel.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Handles one security event (also callable directly, e.g. by tests).</summary>
    public OffenceOutcome OnSecurityEvent(SecurityEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Type is not (SecurityEventType.FailedACL or SecurityEventType.InvalidAccountID
            or SecurityEventType.ChallengeResponseFailed or SecurityEventType.InvalidPassword))
        {
            return OffenceOutcome.Ignored;
        }

        if (!BanAddress.TryFromIPAddress(evt.RemoteAddress.Address, _options.Ipv6PrefixLength, out var address))
        {
            AutoBanLog.UnusableAddress(_logger, evt.RemoteAddress.Address.ToString());
            return OffenceOutcome.Ignored;
        }

        return _policy.OnOffence(address, evt.Type.ToString());
    }

    /// <summary>Completes when queued nft changes have been applied (no-op without nftables).</summary>
    public Task FlushNftAsync() => _nft?.FlushAsync() ?? Task.CompletedTask;

    private List<OffenderView> LoadState()
    {
        var doc = _store.Load(out var error, out var keptAs);
        if (error is not null)
        {
            AutoBanLog.StateUnreadable(_logger, _store.Path, error, keptAs ?? "");
        }

        if (doc is null)
        {
            return [];
        }

        var problems = new List<string>();
        var views = AutoBanStateMapper.FromDocument(doc, _wheel.TimeProvider.GetUtcNow(), _options.Ipv6PrefixLength, problems);
        foreach (var p in problems)
        {
            AutoBanLog.ConfigProblem(_logger, $"{_store.Path}: {p}");
        }

        return views;
    }

    /// <summary>
    /// Sets up the nft layer and creates the table with the restored elements in the same transaction. If nft
    /// refuses that, the table is created empty and the elements are returned to be applied one by one.
    /// </summary>
    private async Task<List<string>> StartNftAsync(List<OffenderView> restored, CancellationToken cancellationToken)
    {
        var runner = _explicitRunner;
        if (runner is null)
        {
            if (!_options.NftEnabled)
            {
                NftUnavailableReason = "disabled in autoban.conf";
                AutoBanLog.NftUnavailable(_logger, NftUnavailableReason);
                return [];
            }

            if (!NftAvailability.TryDetect(_options.NftCommand, out var executable, out var reason))
            {
                NftUnavailableReason = reason;
                AutoBanLog.NftUnavailable(_logger, reason);
                return [];
            }

            runner = new NftProcessRunner(executable);
        }

        var script = new NftScript(_options.NftTable, _options.Ipv6PrefixLength);
        var enforcer = new NftEnforcer(runner, script, _logger);
        var units = new List<string>();
        foreach (var view in restored)
        {
            AddUnits(script, view, units);
        }

        var (ok, error) = await enforcer.CreateTableAsync(units, cancellationToken).ConfigureAwait(false);
        var pending = new List<string>();
        if (!ok && units.Count > 0)
        {
            (ok, error) = await enforcer.CreateTableAsync([], cancellationToken).ConfigureAwait(false);
            pending = units;
        }

        if (!ok)
        {
            NftUnavailableReason = "nft failed: " + error;
            AutoBanLog.NftUnavailable(_logger, NftUnavailableReason);
            return [];
        }

        _nft = enforcer;
        AutoBanLog.NftReady(_logger, _options.NftTable, units.Count);
        return pending;
    }

    /// <summary>nft element commands for one restored address.</summary>
    private static void AddUnits(NftScript script, OffenderView v, List<string> units)
    {
        if (v.WatchRemaining is { } w)
        {
            units.Add(script.Add(AutoBanSet.Watch, v.Address, w));
        }

        if (v.JailRemaining is { } j)
        {
            units.Add(script.Add(AutoBanSet.Jail, v.Address, j));
        }

        if (v.ParoleRemaining is { } p)
        {
            units.Add(script.Add(AutoBanSet.Parole, v.Address, p));
        }

        if (v.Blacklisted)
        {
            units.Add(script.Add(AutoBanSet.Blacklist, v.Address, TimeSpan.Zero));
        }

        if (v.Whitelisted)
        {
            units.Add(script.Add(AutoBanSet.Whitelist, v.Address, TimeSpan.Zero));
        }
    }

    private void ApplyConfiguredLists()
    {
        foreach (var text in _options.Whitelist)
        {
            if (BanAddress.TryParse(text, _options.Ipv6PrefixLength, out var a) && !_policy.IsMember(AutoBanSet.Whitelist, a))
            {
                _policy.Add(AutoBanSet.Whitelist, a, quiet: true);
            }
        }

        foreach (var text in _options.Blacklist)
        {
            if (BanAddress.TryParse(text, _options.Ipv6PrefixLength, out var a) && !_policy.IsMember(AutoBanSet.Blacklist, a))
            {
                _policy.Add(AutoBanSet.Blacklist, a, quiet: true);
            }
        }
    }

    private AutoBanStateDocument SnapshotDocument() => AutoBanStateMapper.ToDocument(_policy.Snapshot(), _wheel.TimeProvider.GetUtcNow());
}
