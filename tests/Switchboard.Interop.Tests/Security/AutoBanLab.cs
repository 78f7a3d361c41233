using System.Globalization;
using System.Text.RegularExpressions;
using Switchboard.Interop.Tests.Infrastructure;
using Switchboard.TestKit.Netns;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// An attacker namespace (10.250.0.1) and a PBX namespace (10.250.0.2) joined by a veth pair, with the real
/// switchboard running inside the PBX namespace (as root, so with CAP_NET_ADMIN and nft, unless capabilities are
/// dropped with setpriv) and helpers to attack it with the real tools from the attacker side.
/// </summary>
internal sealed partial class AutoBanLab : IAsyncDisposable
{
    public const string AttackerAddress = NamespacePair.LeftV4;
    public const string PbxAddress = NamespacePair.RightV4;

    private const string Wizard = """
        [alice]
        type = wizard
        accepts_auth = yes
        accepts_registrations = yes
        endpoint/context = default
        inbound_auth/username = alice
        inbound_auth/password = pw-alice-7Hq2
        """;

    private AutoBanLab(NamespacePair pair, PbxInstance pbx)
    {
        Pair = pair;
        Pbx = pbx;
    }

    public NamespacePair Pair { get; }

    public PbxInstance Pbx { get; }

    public NetworkNamespace Attacker => Pair.Left;

    public NetworkNamespace PbxNamespace => Pair.Right;

    /// <summary>The first SIP port; transport i listens on SipPort + i.</summary>
    public int SipPort => Pbx.SipPort;

    /// <summary>Null when the lab can run here, else why not (root, ip netns, nft, sipvicious, sipp, setpriv).</summary>
    public static string? Unsupported()
    {
        if (!NetworkNamespace.IsSupported(out var reason))
        {
            return reason;
        }

        foreach (var tool in new[] { "nft", "svcrack", "svwar", "svmap", "sipp", "setpriv" })
        {
            if (!ExternalTool.Exists(tool))
            {
                return $"'{tool}' is not installed";
            }
        }

        return null;
    }

    /// <summary>Starts the PBX in a fresh namespace pair with <paramref name="autobanConf"/> and <paramref name="transports"/> UDP transports.</summary>
    public static async Task<AutoBanLab> StartAsync(string autobanConf, bool withoutCapabilities = false, int transports = 1)
    {
        var pair = NamespacePair.Create("ab-atk", "ab-pbx");
        PbxInstance? pbx = null;
        try
        {
            var pjsip = new System.Text.StringBuilder("[global]\ntype = global\nuser_agent = Switchboard PBX\n");
            for (int i = 0; i < transports; i++)
            {
                pjsip.Append(CultureInfo.InvariantCulture, $"\n[t{i}]\ntype = transport\nprotocol = udp\nbind = 0.0.0.0:{{PORT{i}}}\n");
            }

            pbx = PbxInstance.Create(new Dictionary<string, string>
            {
                ["pjsip.conf"] = pjsip.ToString(),
                ["pjsip_wizard.conf"] = Wizard,
                ["extensions.conf"] = "[default]\nexten => 100,1,Hangup()\n",
                ["autoban.conf"] = autobanConf,
            });
            for (int i = 0; i < transports; i++)
            {
                var file = Path.Combine(pbx.ConfigDir, "pjsip.conf");
                File.WriteAllText(file, File.ReadAllText(file).Replace($"{{PORT{i}}}", (pbx.SipPort + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            pbx.CommandPrefix = withoutCapabilities
                ? ["ip", "netns", "exec", pair.Right.Name, "setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]
                : ["ip", "netns", "exec", pair.Right.Name];
            await pbx.StartAsync();
            return new AutoBanLab(pair, pbx);
        }
        catch
        {
            if (pbx is not null)
            {
                await pbx.DisposeAsync();
            }

            pair.Dispose();
            throw;
        }
    }

    /// <summary>Starts a tool in the attacker namespace (ip netns exec execs it, so Kill ends the tool).</summary>
    public ExternalProcess StartAttack(string tool, params string[] args) =>
        ExternalProcess.Start("ip", ["netns", "exec", Attacker.Name, tool, .. args], Directory.CreateTempSubdirectory("ab-tool-").FullName);

    /// <summary>svcrack against alice with a dictionary of wrong passwords.</summary>
    public ExternalProcess StartSvcrack(int words = 12)
    {
        var dir = Directory.CreateTempSubdirectory("ab-dict-").FullName;
        var dict = Path.Combine(dir, "dict.txt");
        File.WriteAllLines(dict, Enumerable.Range(1, words).Select(i => "wrong" + i.ToString(CultureInfo.InvariantCulture)));
        return StartAttack("svcrack", PbxAddress, "-p", Port(0), "-u", "alice", "-d", dict);
    }

    public string Port(int transport) => (SipPort + transport).ToString(CultureInfo.InvariantCulture);

    /// <summary>Output of <c>nft list set inet autoban SET</c> in the PBX namespace (the error text when it fails).</summary>
    public string ListSet(string set)
    {
        var r = PbxNamespace.Run("nft", ["list", "set", "inet", "autoban", set]);
        return r.Success ? r.Output : "ERROR: " + r.Error;
    }

    /// <summary>Packets counted by the jail drop rule of the nft chain.</summary>
    public long NftJailDrops()
    {
        var chain = PbxNamespace.Run("nft", ["list", "chain", "inet", "autoban", "incoming"]).Output;
        var m = JailCounter().Match(chain);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Seconds of the attacker's jail timeout as nft lists it, or -1 when it is not in the jail set.</summary>
    public int JailTimeoutSeconds()
    {
        var m = ElementTimeout().Match(ListSet("jail"));
        return m.Success ? ParseNftDuration(m.Groups[1].Value) : -1;
    }

    /// <summary>True when a SIPp OPTIONS from the attacker gets a 200 within 1.5 s.</summary>
    public async Task<bool> OptionsAnsweredAsync()
    {
        var dir = Directory.CreateTempSubdirectory("ab-sipp-").FullName;
        int local = Random.Shared.Next(20000, 40000);
        var r = await ExternalProcess.RunAsync("ip",
        [
            "netns", "exec", Attacker.Name, "sipp", PbxAddress + ":" + Port(0), "-sf", Sipp.Scenario("options.xml"), "-m", "1",
            "-i", AttackerAddress, "-p", local.ToString(CultureInfo.InvariantCulture), "-mp", (local + 2).ToString(CultureInfo.InvariantCulture),
            "-recv_timeout", "1500", "-timeout", "4", "-timeout_error", "-nostdin",
        ], TimeSpan.FromSeconds(20), dir);
        return r.ExitCode == 0;
    }

    /// <summary>Security events the PBX logged for the attacker's address (each is a request it parsed).</summary>
    public int SecurityEventsFromAttacker() =>
        Pbx.Output.Split('\n').Count(l => l.Contains("SecurityEvent=", StringComparison.Ordinal) && l.Contains("/" + AttackerAddress + "/", StringComparison.Ordinal));

    /// <summary>The in-process filter's drops, summed over the transports (<c>pjsip show counters</c>).</summary>
    public async Task<long> FilterDropsAsync()
    {
        long total = 0;
        foreach (var line in (await Pbx.CliAsync("pjsip show counters")).Split('\n').Skip(1))
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length >= 6 && long.TryParse(cols[3], NumberStyles.None, CultureInfo.InvariantCulture, out var dropped))
            {
                total += dropped;
            }
        }

        return total;
    }

    /// <summary>Waits until the PBX output contains <paramref name="text"/> after position <paramref name="from"/>; returns the end of the match.</summary>
    public async Task<int> WaitForLogAsync(string text, TimeSpan timeout, int from = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var output = Pbx.Output;
            int at = output.IndexOf(text, Math.Min(from, output.Length), StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + text.Length;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"'{text}' not logged within {timeout}:\n{output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="condition"/> (bounded) and returns its last value.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Pbx.DisposeAsync();
        Pair.Dispose();
    }

    /// <summary>nft prints timeouts like <c>20s</c>, <c>1m4s</c>, <c>1h</c>.</summary>
    private static int ParseNftDuration(string text)
    {
        int total = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            int n = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch { "d" => n * 86400, "h" => n * 3600, "m" => n * 60, _ => n };
        }

        return total;
    }

    [GeneratedRegex(@"ip saddr @jail counter packets (\d+)")]
    private static partial Regex JailCounter();

    [GeneratedRegex(@"10\.250\.0\.1 timeout ((?:\d+[dhms])+)")]
    private static partial Regex ElementTimeout();

    [GeneratedRegex(@"(\d+)([dhms])")]
    private static partial Regex DurationPart();
}
