using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Cli;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Cli;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Pjsip.Outbound;
using Switchboard.Core.Pjsip.Qualify;
using Switchboard.Core.Pjsip.Registrar;
using Switchboard.Core.Sip;
using Switchboard.Core.Sip.Overload;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Messages;
using Switchboard.Transport;
using Switchboard.Transport.Streams;
using Switchboard.Transport.Tcp;
using Switchboard.Transport.Tls;
using Switchboard.Transport.Udp;
using PjsipProtocol = Switchboard.Config.Pjsip.TransportProtocol;

namespace Switchboard.Core.Pjsip;

/// <summary>
/// res_pjsip in one object: the transports of pjsip.conf, the SIP stack, endpoint identification and
/// authentication, the registrar with its persisted location service, qualify and outbound registrations.
/// </summary>
public sealed partial class PjsipService : IAsyncDisposable
{
    private readonly PjsipServiceOptions _options;
    private readonly ILogger _log;
    private readonly SqliteContactPersistence? _persistence;
    private readonly CancellationTokenSource _stop = new();
    private Task? _flushLoop;

    public PjsipService(PjsipConfig config, PjsipServiceOptions options)
    {
        _options = options;
        _log = options.Loggers.CreateLogger("pjsip");
        Runtime = new PjsipRuntime(config);
        Transports = new TransportRegistry();
        Stack = new SipStack(Transports, options.Wheel, options.Bus, options.Loggers.CreateLogger("sip")) { UserAgent = config.Global.UserAgent };
        var transactions = Stack.Transactions;
        var transports = Transports;
        Overload = new OverloadControl(config.Global.Overload, options.Wheel.TimeProvider, () => transactions.ProceedingInvites, options.Loggers.CreateLogger("pjsip.overload"), receiveBacklog: () => LongestReceiveBacklog(transports));
        Stack.Overload = Overload;
        Security = new SecurityEvents(options.Bus, options.Wheel.TimeProvider);
        _persistence = options.Database is null ? null : new SqliteContactPersistence(options.Database);
        Location = new LocationService(options.Wheel, options.Bus, _persistence);
        Identifier = new EndpointIdentifier(Runtime);
        Authenticator = new InboundAuthenticator(Runtime, Stack, Security, options.Wheel.TimeProvider);
        Qualify = new QualifyService(Stack, Runtime, Location, options.Wheel, options.Bus, options.Loggers.CreateLogger("pjsip.qualify"));
        Outbound = new OutboundRegistrationService(Stack, Runtime, options.Wheel, options.Loggers.CreateLogger("pjsip.outbound"));
        Stack.Router.Register(SipMethod.Options, new OptionsHandler(Stack));
        Stack.Router.Register(SipMethod.Register, new RegistrarHandler(Stack, Runtime, Identifier, Authenticator, Location, options.Wheel.TimeProvider, options.Loggers.CreateLogger("pjsip.registrar")));
    }

    public PjsipRuntime Runtime { get; }

    public TransportRegistry Transports { get; }

    public SipStack Stack { get; }

    public SecurityEvents Security { get; }

    /// <summary>503 + Retry-After admission control for new requests (pjsip.conf [global] overload_* keys).</summary>
    public OverloadControl Overload { get; }

    public LocationService Location { get; }

    public EndpointIdentifier Identifier { get; }

    public InboundAuthenticator Authenticator { get; }

    public QualifyService Qualify { get; }

    public OutboundRegistrationService Outbound { get; }

    private static TimeSpan LongestReceiveBacklog(TransportRegistry transports)
    {
        var longest = TimeSpan.Zero;
        foreach (var t in transports.All)
        {
            if (t is UdpTransport udp && udp.ReceiveBacklog > longest)
            {
                longest = udp.ReceiveBacklog;
            }
        }

        return longest;
    }

    /// <summary>Binds every transport, restores persisted contacts and starts qualify and outbound registration.</summary>
    public void Start()
    {
        foreach (var t in Runtime.Config.Transports)
        {
            StartTransport(t);
        }

        if (_persistence is not null)
        {
            int restored = Location.Restore(_persistence.LoadAll());
            LogRestored(restored);
        }

        Qualify.QualifyAll();
        Outbound.Start();
        _flushLoop = FlushLoopAsync(_stop.Token);
    }

    private void StartTransport(PjsipTransport t)
    {
        var bind = new IPEndPoint(t.BindAddress, t.EffectivePort);
        ITransport transport;
        switch (t.Protocol)
        {
            case PjsipProtocol.Udp:
                transport = new UdpTransport(new UdpTransportOptions { Name = t.Name, BindEndPoint = bind, AdmissionFilter = _options.AdmissionFilter }, _options.Loggers.CreateLogger("transport.udp"));
                break;
            case PjsipProtocol.Tcp:
                transport = new TcpTransport(new StreamTransportOptions { Name = t.Name, BindEndPoint = bind, Framer = SipMessageFramer.Instance, AdmissionFilter = _options.AdmissionFilter, TimingWheel = _options.Wheel, TimeProvider = _options.Wheel.TimeProvider }, _options.Loggers.CreateLogger("transport.tcp"));
                break;
            case PjsipProtocol.Tls:
                transport = new TlsTransport(new TlsTransportOptions { Name = t.Name, BindEndPoint = bind, Framer = SipMessageFramer.Instance, AdmissionFilter = _options.AdmissionFilter, ServerCertificate = _options.TlsCertificate, VerifyServerCertificate = t.VerifyServer, TimingWheel = _options.Wheel, TimeProvider = _options.Wheel.TimeProvider }, _options.Loggers.CreateLogger("transport.tls"));
                break;
            default:
                LogUnsupportedTransport(t.Name, t.Protocol.ToString());
                return;
        }

        try
        {
            transport.Start(Stack);
            Transports.TryAdd(transport);
            LogTransportStarted(t.Name, t.Protocol.ToString().ToUpperInvariant(), transport.Local.EndPoint.ToString());
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            LogTransportFailed(t.Name, bind.ToString(), ex.Message);
        }
    }

    /// <summary>Swaps in a new configuration; registrations, calls and transports stay.</summary>
    public void Reload(PjsipConfig config)
    {
        Runtime.Swap(config);
        Stack.UserAgent = config.Global.UserAgent;
        Overload.Configure(config.Global.Overload);
        foreach (var t in config.Transports)
        {
            if (!Transports.TryGet(t.Name, out _))
            {
                StartTransport(t);
            }
        }

        Outbound.Start();
    }

    public void RegisterCli(CliCommandRegistry cli) => new PjsipCliCommands(Runtime, Location, Transports, Outbound, Overload).Register(cli);

    private async Task FlushLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, _options.Wheel.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                Flush();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Writes pending contact changes now.</summary>
    public void Flush()
    {
        try
        {
            _persistence?.Flush();
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            LogFlushFailed(ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_flushLoop is not null)
        {
            await _flushLoop.ConfigureAwait(false);
        }

        Outbound.Dispose();
        Qualify.Dispose();
        Overload.Dispose();
        foreach (var t in Transports.All)
        {
            await t.StopAsync().ConfigureAwait(false);
        }

        Flush();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transport '{Name}' listening on {Protocol} {EndPoint}")]
    private partial void LogTransportStarted(string name, string protocol, string endPoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transport '{Name}' could not bind {EndPoint}: {Reason}")]
    private partial void LogTransportFailed(string name, string endPoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transport '{Name}': protocol {Protocol} is not supported yet")]
    private partial void LogUnsupportedTransport(string name, string protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Count} registered contacts")]
    private partial void LogRestored(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving contacts failed: {Reason}")]
    private partial void LogFlushFailed(string reason);
}
