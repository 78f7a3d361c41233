using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Timing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Storage;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Tests;

/// <summary>A ManagerService on 127.0.0.1:0 with a bus, CLI, temp AstDB and a PJSIP service from text.</summary>
internal sealed class AmiHarness : IAsyncDisposable
{
    public const string DefaultConfig = """
        [general]
        enabled = yes
        port = 5038
        bindaddr = 127.0.0.1

        [admin]
        secret = s3cret
        read = all
        write = all

        [reader]
        secret = readonly
        read = system,security
        write = reporting

        [blocked]
        secret = blocked
        deny = 0.0.0.0/0
        permit = 10.0.0.0/8
        read = all
        write = all
        """;

    public const string DefaultPjsip = """
        [transport-udp]
        type = transport
        protocol = udp
        bind = 127.0.0.1:0

        [alice]
        type = endpoint
        context = default
        aors = alice
        auth = alice

        [alice]
        type = auth
        auth_type = userpass
        username = alice
        password = alicepw

        [alice]
        type = aor
        max_contacts = 2
        """;

    private readonly string _dbPath;
    private readonly SqliteDatabase _sqlite;
    private readonly TimingWheel _wheel;

    public AmiHarness(string config = DefaultConfig, AmiConnectionLimits? limits = null, string pjsip = DefaultPjsip)
    {
        _dbPath = Path.Combine(Path.GetTempPath(), "ami-test-" + Guid.NewGuid().ToString("N") + ".sqlite3");
        _sqlite = new SqliteDatabase(_dbPath);
        Database = new AstDatabase(_sqlite);
        _wheel = new TimingWheel(TimeProvider.System);
        var diags = new DiagnosticBag();
        var pjsipConfig = PjsipConfigLoader.Load(new InMemoryConfigFileSource().Add("pjsip.conf", pjsip), diags);
        Pjsip = new PjsipService(pjsipConfig, new PjsipServiceOptions { Bus = Bus, Wheel = _wheel, Loggers = NullLoggerFactory.Instance });
        Pjsip.RegisterCli(Cli);
        var doc = ConfParser.ParseText("manager.conf", config, new DiagnosticBag());
        Service = new ManagerService(doc, Bus, Cli, Database, Pjsip, TimeProvider.System, NullLoggerFactory.Instance)
        {
            BindOverride = new IPEndPoint(IPAddress.Loopback, 0),
            Limits = limits ?? new AmiConnectionLimits(),
        };
        Service.RegisterCli(Cli);
        Bus.Subscribe<SecurityEvent>(e => { lock (SecurityEvents) { SecurityEvents.Add(e); } });
    }

    public EventBus Bus { get; } = new();

    public CliCommandRegistry Cli { get; } = new();

    public AstDatabase Database { get; }

    public PjsipService Pjsip { get; }

    public ManagerService Service { get; }

    public List<SecurityEvent> SecurityEvents { get; } = [];

    public IPEndPoint EndPoint => Service.LocalEndPoint!;

    public async Task<AmiHarness> StartAsync()
    {
        await Service.StartAsync();
        return this;
    }

    public async Task<AmiTestClient> ConnectAsync() => await AmiTestClient.ConnectAsync(EndPoint);

    public async Task<AmiTestClient> LoginAsync(string user = "admin", string secret = "s3cret", string events = "on")
    {
        var client = await ConnectAsync();
        var r = await client.ActionAsync("Login", ("Username", user), ("Secret", secret), ("Events", events));
        Assert.Equal("Success", r["Response"]);
        return client;
    }

    public SecurityEvent[] SecuritySnapshot()
    {
        lock (SecurityEvents)
        {
            return [.. SecurityEvents];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Pjsip.DisposeAsync();
        _wheel.Dispose();
        _sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            File.Delete(_dbPath);
        }
        catch (IOException)
        {
        }
    }
}
