using Switchboard.TestKit.Net;
using Switchboard.TestKit.Processes;
using Switchboard.TestKit.Tools;

namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>Runs SIPp (sip-tester) with one of our scenario files against the PBX; explicit -p and -mp always.</summary>
public static class Sipp
{
    public static bool Available => ExternalTool.Exists("sipp");

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    /// <param name="commandPrefix">A program and arguments that run SIPp elsewhere (e.g. <c>ip netns exec NS</c>).</param>
    public static async Task<ProcessResult> RunAsync(string scenario, int targetPort, IEnumerable<string>? extra = null, TimeSpan? timeout = null, string transport = "u1", string? workDir = null, int? localPort = null, string localIp = "127.0.0.1", IReadOnlyList<string>? commandPrefix = null)
    {
        int port = localPort ?? FreePort.UdpAndTcp();
        int media = FreePort.UdpRange(4);
        workDir ??= Directory.CreateTempSubdirectory("sipp-").FullName;
        var args = new List<string>
        {
            "127.0.0.1:" + targetPort, "-sf", Scenario(scenario), "-i", localIp, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", media.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", transport, "-nostdin", "-timeout", "60", "-timeout_error",
            "-trace_err", "-trace_screen",
        };
        if (extra is not null)
        {
            args.AddRange(extra);
        }

        var result = commandPrefix is { Count: > 0 }
            ? await ExternalProcess.RunAsync(commandPrefix[0], [.. commandPrefix.Skip(1), "sipp", .. args], timeout ?? TimeSpan.FromSeconds(90), workDir).ConfigureAwait(false)
            : await ExternalProcess.RunAsync("sipp", args, timeout ?? TimeSpan.FromSeconds(90), workDir).ConfigureAwait(false);
        var logs = string.Join("\n", Directory.GetFiles(workDir, "*.log").Select(f => "== " + Path.GetFileName(f) + "\n" + Tail(File.ReadAllText(f), 4000)));
        return result with { StandardOutput = result.StandardOutput + "\n" + logs };
    }

    /// <summary>Writes a SIPp injection file of users with their authentication strings.</summary>
    public static string UsersFile(IEnumerable<(string User, string Password)> users, string? path = null)
    {
        path ??= Path.Combine(Directory.CreateTempSubdirectory("sipp-inf-").FullName, "users.csv");
        using var w = new StreamWriter(path);
        w.WriteLine("SEQUENTIAL");
        foreach (var (u, p) in users)
        {
            w.WriteLine($"{u};[authentication username={u} password={p}]");
        }

        return path;
    }

    private static string Tail(string s, int n) => s.Length <= n ? s : s[^n..];
}
