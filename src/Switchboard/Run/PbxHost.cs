using Microsoft.Extensions.Logging;
using Switchboard.AutoBan;
using Switchboard.Cli;
using Switchboard.Common.Timing;
using Switchboard.Config.Asterisk;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Snapshot;
using Switchboard.Control;
using Switchboard.Core.Cdr;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Messaging;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Core.Spool;
using Switchboard.Core.Storage;
using Switchboard.Hosting;
using Switchboard.Manager;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Rtp;

namespace Switchboard.Run;

/// <summary>
/// The composition root of a running PBX: container duties (HostBootstrap), configuration snapshot, AstDB,
/// AutoBan, the PJSIP service, CLI and control socket; ordered shutdown on SIGTERM.
/// </summary>
internal sealed partial class PbxHost : IAsyncDisposable
{
    private readonly RunOptions _options;
    private readonly HostServices _host;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly CliCommandRegistry _cli = new();
    private readonly EventBus _bus = new();
    private readonly TimingWheel _wheel;
    private readonly Lock _reloadGate = new();
    private ControlSocketServer? _control;
    private SqliteDatabase? _database;
    private PjsipService? _pjsip;
    private Switchboard.Dialplan.Execution.DialplanEngine? _dialplan;
    private CallService? _calls;
    private MessagingService? _messaging;
    private Switchboard.WebSms.WebSmsService? _websms;
    private CdrCsvWriter? _cdrWriter;
    private CdrRecorder? _cdr;
    private OutgoingSpool? _spool;
    private AutoBanService? _autoban;
    private ManagerService? _manager;
    private ConfigSnapshot? _config;
    private DateTimeOffset _lastReload;
    private readonly SecurityEventLogger _securityLog;

    private PbxHost(RunOptions options)
    {
        _options = options;
        _host = HostBootstrap.Start(options.DataDir, options.ConfigDir, seed: options.Demo ? EmbeddedSeedSource.Demo() : null);
        _loggers = _host.LoggerFactory;
        _log = _loggers.CreateLogger("Switchboard");
        _wheel = new TimingWheel(_host.Time);
        _wheel.UnhandledCallbackException = ex => LogTimerFailed(ex.Message);
        _bus.SubscriberFailed = ex => LogSubscriberFailed(ex.Message);
        _securityLog = new SecurityEventLogger(_bus, _loggers.CreateLogger("security"));
    }

    public static PbxHost Create(RunOptions options) => new(options);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var started = _host.Time.GetUtcNow();
        var layout = _host.Layout;
        var result = ConfigSnapshotLoader.Load(layout.ConfigDir);
        foreach (var d in result.Diagnostics)
        {
            LogConfigDiagnostic(d);
        }

        if (result.Snapshot is null)
        {
            LogConfigFailed(layout.ConfigDir, result.ErrorCount);
            return 1;
        }

        _config = result.Snapshot;
        _lastReload = started;
        _database = new SqliteDatabase(Path.Combine(layout.LibDir, "astdb.sqlite3"));
        var astdb = new AstDatabase(_database);

        IAdmissionFilter filter = AdmitAllFilter.Instance;
        _autoban = AutoBanService.FromConfigFile(Path.Combine(layout.ConfigDir, "autoban.conf"), _bus, _host.Time, _loggers.CreateLogger("autoban"), Path.Combine(layout.LibDir, "autoban.json"));
        if (_autoban is not null)
        {
            await _autoban.StartAsync(ct).ConfigureAwait(false);
            filter = _autoban.AdmissionFilter;
            _cli.Register(_autoban.CliCommand);
        }

        StartTlsIfConfigured(_config.Pjsip);
        _pjsip = new PjsipService(_config.Pjsip, new PjsipServiceOptions
        {
            Bus = _bus,
            Wheel = _wheel,
            Loggers = _loggers,
            Database = _database,
            AdmissionFilter = filter,
            TlsCertificate = _host.Certificates.Selector,
        });
        _pjsip.Start();
        _pjsip.RegisterCli(_cli);

        // --- calls (channel driver + dialplan) ---
        _dialplan = CallService.CreateDialplan(_config.Document("extensions.conf"), _loggers, _host.Time, LogDiagnostic, _config.Pjsip);
        _dialplan.AstDb = new Switchboard.Core.Storage.AstDatabaseStore(astdb);
        var media = ChannelMediaOptions.Create(_wheel, layout.LibDir, _config.Document("musiconhold.conf"), LogDiagnostic);
        _calls = CallService.Attach(_pjsip, _dialplan, _config.Rtp, _loggers, _host.Time, media);
        ApplyHighPriority(AsteriskOptions.From(_config.Document("asterisk.conf")));
        _calls.RegisterCli(_cli);
        StartVoicemail(layout);
        _calls.Observe(new ChannelEventPublisher(_bus));
        _cdrWriter = new CdrCsvWriter(Path.Combine(layout.LogDir, "cdr-csv"), _loggers.CreateLogger("cdr"), _host.Time);
        _cdr = new CdrRecorder(_cdrWriter, CdrConfig.From(_config.Document("cdr.conf")), _host.Time);
        _calls.Observe(_cdr);
        _host.Shutdown.Register(ShutdownPhase.SaveState, "cdr", async _ =>
        {
            if (_cdrWriter is not null)
            {
                await _cdrWriter.DisposeAsync().ConfigureAwait(false);
            }
        });
        var spool = new OutgoingSpool(layout.OutgoingDir, layout.OutgoingDoneDir, _calls.OriginateAsync, _loggers.CreateLogger("spool"), _host.Time);
        _spool = spool;
        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "call file spool", async _ =>
        {
            if (_spool is not null)
            {
                await _spool.DisposeAsync().ConfigureAwait(false);
                _spool = null;
            }
        });
        // --- end calls ---
        // --- messaging (SIP MESSAGE, MessageSend, store-and-forward) ---
        _messaging = MessagingService.Attach(_pjsip, _dialplan, _database, _bus, _loggers, _host.Time);
        _messaging.RegisterCli(_cli);
        _messaging.Start();
        await StartWebSmsAsync(ct).ConfigureAwait(false);
        // --- end messaging ---
        CoreCliCommands.Register(_cli, _host.Time, started, () => _lastReload, Reload, astdb);
        MemoryCliCommand.Register(_cli, _pjsip, _calls);
        RtpCliCommand.Register(_cli, () => _config.Rtp);
        _manager = new ManagerService(_config.Document("manager.conf"), _bus, _cli, astdb, _pjsip, _host.Time, _loggers, filter);
        _manager.RegisterCli(_cli);
        _manager.Messages = new AmiMessageSender(_messaging);
        _manager.CallControl = new Switchboard.Manager.Seams.CoreCallControl(_calls, _bus);
        _manager.Globals = new Switchboard.Manager.Seams.DialplanGlobalVariables(_dialplan.Globals);
        await _manager.StartAsync(ct).ConfigureAwait(false);
        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "manager", async c =>
        {
            if (_manager is not null)
            {
                await _manager.StopAsync(c).ConfigureAwait(false);
            }
        });

        _control = new ControlSocketServer(ControlProtocol.SocketPath(_options.DataDir), _cli, _loggers.CreateLogger("control"));
        _control.Start();
        var trimmer = new IdleMemoryTrimmer(_host.Time, _loggers.CreateLogger("memory"), PendingTransactions);
        trimmer.Start();
        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "memory trimmer", async _ => await trimmer.DisposeAsync().ConfigureAwait(false));
        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "control socket", async _ => await StopControlAsync().ConfigureAwait(false));
        _host.Shutdown.Register(ShutdownPhase.SaveState, "pjsip", async _ =>
        {
            if (_pjsip is not null)
            {
                await _pjsip.DisposeAsync().ConfigureAwait(false);
                _pjsip = null;
            }
        });
        _host.Shutdown.Register(ShutdownPhase.SaveState, "autoban", async c =>
        {
            if (_autoban is not null)
            {
                await _autoban.StopAsync(c).ConfigureAwait(false);
            }
        });

        LogReady(CoreCliCommands.Version, (_host.Time.GetUtcNow() - started).TotalMilliseconds);

        // Call files left in the spool (a websmsd SMS answered 200 before a crash) run dialplan that needs every
        // application and function (MessageSend, MESSAGE() ...): the spool starts once the PBX is fully up.
        spool.Start();
        return await _host.RunUntilShutdownAsync(ct).ConfigureAwait(false);
    }

    private long PendingTransactions()
        => (_pjsip?.Stack.Transactions.Counters is { } c ? c.ActiveServerTransactions + c.ActiveClientTransactions : 0) + (_calls?.Channels.Count ?? 0);

    /// <summary>core reload: a new snapshot replaces the running one only when it loads without errors.</summary>
    private void StartTlsIfConfigured(PjsipConfig pjsip)
    {
        foreach (var transport in pjsip.Transports)
        {
            if (transport.Protocol == Switchboard.Config.Pjsip.TransportProtocol.Tls)
            {
                _host.EnsureTlsStarted();
                return;
            }
        }
    }

    private int Reload(TextWriter output)
    {
        lock (_reloadGate)
        {
            var result = ConfigSnapshotLoader.Load(_host.Layout.ConfigDir);
            foreach (var d in result.Diagnostics)
            {
                output.WriteLine(d.ToString());
                LogConfigDiagnostic(d);
            }

            if (result.Snapshot is null)
            {
                output.WriteLine($"Reload failed with {result.ErrorCount} error(s); the running configuration is kept.");
                LogReloadFailed(result.ErrorCount);
                return 1;
            }

            _config = result.Snapshot;
            StartTlsIfConfigured(_config.Pjsip);
            _pjsip?.Reload(_config.Pjsip);
            foreach (var d in _manager?.Reload(_config.Document("manager.conf")) ?? [])
            {
                output.WriteLine(d.ToString());
            }

            _websms?.Reload(_config.Document("websms.conf"));
            ReloadVoicemail();
            if (_dialplan is not null)
            {
                CallService.ReloadDialplan(_dialplan, _config.Document("extensions.conf"), output.WriteLine, _config.Pjsip);
                _calls?.ReloadRtp(_config.Rtp);
                if (_cdr is not null)
                {
                    _cdr.Config = CdrConfig.From(_config.Document("cdr.conf"));
                }
            }
            _lastReload = _host.Time.GetUtcNow();
            output.WriteLine("Configuration reloaded.");
            LogReloaded();
            return 0;
        }
    }

    /// <summary>websmsd: on WEBSMSD_PORT when websms.conf exists; an SMS is answered 200 only once it is in the inbox.</summary>
    private async Task StartWebSmsAsync(CancellationToken ct)
    {
        var conf = _config!.Document("websms.conf");
        if (conf is null || _host.Environment.WebSmsPort is not int port || _messaging is null)
        {
            return;
        }

        var messaging = _messaging;
        try
        {
            _websms = await Switchboard.WebSms.WebSmsService.StartAsync(conf, port, sms => messaging.TryInject("websms", sms.Context, sms.To, sms.From, sms.Body), _loggers, ct, _host.Layout.SpoolDir).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            LogWebSmsFailed(port, ex.Message);
            return;
        }

        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "websmsd", async _ =>
        {
            var w = Interlocked.Exchange(ref _websms, null);
            if (w is not null)
            {
                await w.DisposeAsync().ConfigureAwait(false);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await StopControlAsync().ConfigureAwait(false);
        if (_websms is not null)
        {
            await _websms.DisposeAsync().ConfigureAwait(false);
        }

        if (_pjsip is not null)
        {
            await _pjsip.DisposeAsync().ConfigureAwait(false);
        }

        if (_manager is not null)
        {
            await _manager.DisposeAsync().ConfigureAwait(false);
        }

        if (_messaging is not null)
        {
            await _messaging.DisposeAsync().ConfigureAwait(false);
        }

        if (_spool is not null)
        {
            await _spool.DisposeAsync().ConfigureAwait(false);
        }

        if (_cdrWriter is not null)
        {
            await _cdrWriter.DisposeAsync().ConfigureAwait(false);
        }

        if (_autoban is not null)
        {
            await _autoban.DisposeAsync().ConfigureAwait(false);
        }

        _database?.Dispose();
        _securityLog.Dispose();
        _wheel.Dispose();
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopControlAsync()
    {
        var control = Interlocked.Exchange(ref _control, null);
        if (control is not null)
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private partial void LogDiagnosticError(string diagnostic);

    /// <summary>Config errors at error level (visible at the default SYSLOG_LEVEL 4), warnings at warning level.</summary>
    private void LogConfigDiagnostic(Switchboard.Config.Diagnostics.ConfigDiagnostic d)
    {
        if (d.IsError)
        {
            LogDiagnosticError(d.ToString());
        }
        else
        {
            LogDiagnostic(d.ToString());
        }
    }

    /// <summary>
    /// asterisk.conf [options] highpriority=yes: the RTP threads run SCHED_RR (see <see cref="RtpThreadPriority"/>). Read
    /// at startup only, as Asterisk reads it; the engine is started here so the outcome is logged at once.
    /// </summary>
    private void ApplyHighPriority(AsteriskOptions options)
    {
        if (!options.HighPriority)
        {
            return;
        }

        RtpThreadPriority.Realtime = true;
        _ = RtpEngineStatus.Current;
        SpinWait.SpinUntil(() => RtpThreadPriority.Outcome is not null, TimeSpan.FromSeconds(1));
        string outcome = RtpThreadPriority.Outcome ?? "unknown";
        if (RtpThreadPriority.IsRealtime)
        {
            LogHighPriority(_log, outcome);
        }
        else
        {
            LogHighPriorityRefused(_log, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "highpriority=yes: RTP threads run {Outcome}")]
    private static partial void LogHighPriority(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "highpriority=yes: RTP threads run at {Outcome}")]
    private static partial void LogHighPriorityRefused(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Configuration in {ConfigDir} has {Errors} error(s); not starting")]
    private partial void LogConfigFailed(string configDir, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload failed with {Errors} error(s); the running configuration is kept")]
    private partial void LogReloadFailed(int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration reloaded")]
    private partial void LogReloaded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switchboard {Version} ready in {Milliseconds:0} ms")]
    private partial void LogReady(string version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer callback failed: {Reason}")]
    private partial void LogTimerFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSMS could not listen on port {Port}: {Reason}")]
    private partial void LogWebSmsFailed(int port, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event subscriber failed: {Reason}")]
    private partial void LogSubscriberFailed(string reason);
}
