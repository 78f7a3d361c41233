using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Timing;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Cli;
using Switchboard.Core.Events;
using Switchboard.Core.Pjsip;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Manager;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Manager;

/// <summary>A ManagerService on a free loopback port with a PJSIP service and one registered contact, plus the node runner.</summary>
internal sealed class AmiNodeHost : IAsyncDisposable
{
    private const string ManagerConf = """
        [general]
        enabled = yes
        bindaddr = 127.0.0.1

        [interop]
        secret = interop-secret
        read = all
        write = all
        """;

    private const string PjsipConf = """
        [alice]
        type = endpoint
        context = default
        aors = alice

        [alice]
        type = aor
        max_contacts = 1
        """;

    private readonly TimingWheel _wheel = new(TimeProvider.System);

    public AmiNodeHost()
    {
        var pjsipConfig = PjsipConfigLoader.Load(new InMemoryConfigFileSource().Add("pjsip.conf", PjsipConf), new DiagnosticBag());
        Pjsip = new PjsipService(pjsipConfig, new PjsipServiceOptions { Bus = Bus, Wheel = _wheel, Loggers = NullLoggerFactory.Instance });
        Pjsip.RegisterCli(Cli);
        Pjsip.Location.Update<int>("alice", _ => ([new ContactBinding
        {
            Aor = "alice", Uri = "sip:alice@127.0.0.1:5098", RegisteredUri = "sip:alice@127.0.0.1:5098", Endpoint = "alice",
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(1), CallId = "interop-call", CSeq = 1, TransportName = "udp", Protocol = "UDP",
            Source = new IPEndPoint(IPAddress.Loopback, 5098), UserAgent = "interop-ua",
        }], 0));
        Service = new ManagerService(ConfParser.ParseText("manager.conf", ManagerConf, new DiagnosticBag()), Bus, Cli, null, Pjsip,
            TimeProvider.System, NullLoggerFactory.Instance)
        { BindOverride = new IPEndPoint(IPAddress.Loopback, 0) };
        Bus.Subscribe<SecurityEvent>(e => { lock (SecurityEvents) { SecurityEvents.Add(e); } });
    }

    public EventBus Bus { get; } = new();

    public CliCommandRegistry Cli { get; } = new();

    public PjsipService Pjsip { get; }

    public ManagerService Service { get; }

    public List<SecurityEvent> SecurityEvents { get; } = [];

    public int Port => Service.LocalEndPoint!.Port;

    /// <summary>The node folder with installed clients, or null (with the reason) when node or the modules are missing.</summary>
    public static string? NodeDir(out string reason)
    {
        reason = string.Empty;
        if (!ExternalTool.Exists("node"))
        {
            reason = "node is not installed";
            return null;
        }

        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Switchboard.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var node = dir is null ? null : Path.Combine(dir, "tests", "Switchboard.Interop.Tests", "node");
        if (node is null || !Directory.Exists(Path.Combine(node, "node_modules", "asterisk-manager")) || !Directory.Exists(Path.Combine(node, "node_modules", "asterisk-ami-client")))
        {
            reason = "npm clients not installed (run npm install in tests/Switchboard.Interop.Tests/node)";
            return null;
        }

        return node;
    }

    /// <summary>A failed REGISTER's security event, as PJSIP publishes it.</summary>
    public static SecurityEvent FailedRegister() => new(SecurityEventType.InvalidPassword, DateTimeOffset.UtcNow, "PJSIP", "alice", "reg-call-id@10.0.0.9",
        new TransportAddress(new IPEndPoint(IPAddress.Loopback, 5060), "UDP"), new TransportAddress(new IPEndPoint(IPAddress.Parse("192.0.2.44"), 5062), "UDP"),
        [new("Challenge", "nonce1"), new("ReceivedChallenge", "nonce1"), new("ReceivedHash", "0123456789abcdef")]);

    /// <summary>Runs a node script; publishes <paramref name="onReady"/> when it prints its ready step. Returns the JSON lines.</summary>
    public async Task<(ProcessResult Result, List<JsonElement> Steps)> RunNodeAsync(string nodeDir, string script, Action? onReady, params string[] args)
    {
        await using var p = ExternalProcess.Start("node", [script, .. args], nodeDir);
        p.OnLine = line =>
        {
            if (line.Contains("\"step\":\"ready\"", StringComparison.Ordinal))
            {
                onReady?.Invoke();
            }
        };
        var result = await p.WaitAsync(TimeSpan.FromSeconds(30));
        var steps = new List<JsonElement>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('{'))
            {
                steps.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return (result, steps);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Pjsip.DisposeAsync();
        _wheel.Dispose();
    }
}
