using System.Net;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Storage;
using Switchboard.Manager.Actions;
using Switchboard.Manager.Cli;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;
using Switchboard.Manager.Seams;
using Switchboard.Manager.Sessions;
using Switchboard.Transport;
using Switchboard.Transport.Admission;
using Switchboard.Transport.Streams;

namespace Switchboard.Manager;

/// <summary>
/// The AMI server: reads manager.conf, listens (when enabled) on bindaddr:port through a
/// <see cref="StreamListener"/> with the admission filter, serves Asterisk's line protocol and forwards bus events.
/// </summary>
public sealed partial class ManagerService : IAsyncDisposable
{
    private readonly ManagerContext _context;
    private readonly IAdmissionFilter _admission;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private StreamListener? _listener;

    public ManagerService(ConfDocument? config, EventBus bus, CliCommandRegistry cli, AstDatabase? database, PjsipService? pjsip,
        TimeProvider time, ILoggerFactory loggers, IAdmissionFilter? admission = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _loggers = loggers;
        _log = loggers.CreateLogger("manager");
        _admission = admission ?? AdmitAllFilter.Instance;
        var diagnostics = new DiagnosticBag();
        var managerConfig = ManagerConfigLoader.Load(config, diagnostics);
        Diagnostics = diagnostics.Items;
        foreach (var d in diagnostics.Items)
        {
            LogDiagnostic(d.ToString());
        }

        _context = new ManagerContext(managerConfig, bus, cli, database, pjsip, time, _log);
        var authenticator = new AmiAuthenticator(bus, time);
        SessionActions.Register(_context.Actions, authenticator);
        CoreActions.Register(_context.Actions, SystemVersion, Environment.MachineName);
        PjsipActions.Register(_context.Actions);
        DatabaseActions.Register(_context.Actions);
        CallActions.Register(_context.Actions);
    }

    /// <summary>Version reported by CoreSettings (AsteriskVersion).</summary>
    public static string SystemVersion { get; } =
        "Switchboard " + (typeof(ManagerService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>Problems found in manager.conf (file:line).</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; private set; }

    public ManagerConfig Config => _context.Config;

    /// <summary>Per-connection bounds (set before <see cref="StartAsync"/>).</summary>
    public AmiConnectionLimits Limits { get; init; } = new();

    /// <summary>Overrides bindaddr/port (tests bind port 0).</summary>
    public IPEndPoint? BindOverride { get; init; }

    /// <summary>The bound address once started, or null when AMI is disabled.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    public int ConnectionCount => _context.Sessions.Count;

    /// <summary>The call layer (CoreShowChannels, Originate, Hangup, channel Getvar/Setvar).</summary>
    public IAmiCallControl CallControl
    {
        get => _context.CallControl;
        set => _context.CallControl = value ?? NoCallControl.Instance;
    }

    /// <summary>MessageSend's implementation.</summary>
    public IAmiMessageSender Messages
    {
        get => _context.Messages;
        set => _context.Messages = value ?? NoMessageSender.Instance;
    }

    /// <summary>Global variables for Getvar/Setvar without Channel.</summary>
    public IGlobalVariables Globals
    {
        get => _context.Globals;
        set => _context.Globals = value ?? new InMemoryGlobalVariables();
    }

    public void RegisterCli(CliCommandRegistry cli) => ManagerCliCommands.Register(cli, _context);

    /// <summary>Starts listening when manager.conf enables AMI. Throws SocketException when the port cannot be bound.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var config = _context.Config;
            if (!config.Enabled || _listener is not null)
            {
                if (!config.Enabled)
                {
                    LogDisabled();
                }

                return Task.CompletedTask;
            }

            var bind = BindOverride ?? new IPEndPoint(config.BindAddress, config.Port);
            var handler = new AmiConnectionHandler(_context, new AmiDispatcher(_context), Limits, bind);
            var listener = new StreamListener(new StreamListenerOptions
            {
                Name = "ami",
                BindEndPoint = bind,
                DualMode = bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && bind.Address.Equals(IPAddress.IPv6Any),
                MaxConnections = config.MaxConnections,
                AdmissionFilter = _admission,
                ListenBacklog = 512,
            }, handler, _loggers.CreateLogger("transport.ami"));
            listener.Start();
            _listener = listener;
            LogListening(listener.LocalEndPoint.ToString());
        }

        return Task.CompletedTask;
    }

    /// <summary>Applies a new manager.conf: users, ACLs and options take effect for new logins; the listener stays.</summary>
    public IReadOnlyList<ConfigDiagnostic> Reload(ConfDocument? config)
    {
        var diagnostics = new DiagnosticBag();
        var next = ManagerConfigLoader.Load(config, diagnostics);
        Diagnostics = diagnostics.Items;
        if (!diagnostics.HasErrors)
        {
            _context.Config = next;
            _context.LastReload = _context.Time.GetUtcNow();
        }

        return diagnostics.Items;
    }

    /// <summary>Sends an event to every session allowed and wanting it (for components without a bus record).</summary>
    public void Publish(Events.AmiEvent evt) => _context.Hub.Publish(evt);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        StreamListener? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        foreach (var s in _context.Sessions.All)
        {
            s.Close("shutdown");
        }

        if (listener is not null)
        {
            await listener.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _context.Hub.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager interface (AMI) listening on {EndPoint}")]
    private partial void LogListening(string endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager interface (AMI) is disabled in manager.conf")]
    private partial void LogDisabled();
}
