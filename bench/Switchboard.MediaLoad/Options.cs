using System.Net;

namespace Switchboard.MediaLoad;

/// <summary>Command line of the media load generator.</summary>
internal sealed class Options
{
    public required IPEndPoint Pbx { get; init; }

    public int Calls { get; init; } = 100;

    public int SetupRate { get; init; } = 100;

    public double WarmupSeconds { get; init; } = 5;

    public double MeasureSeconds { get; init; } = 20;

    public int Sockets { get; init; } = 4;

    public int PbxPid { get; init; }

    public string Extension { get; init; } = "200";

    public string CallerUser { get; init; } = "caller";

    public string CallerPassword { get; init; } = "pw-caller";

    public string CalleeUser { get; init; } = "callee";

    public string CalleePassword { get; init; } = "pw-callee";

    public bool Header { get; init; }

    /// <summary>Receivers poll all sockets from one thread (true, default) or block one thread per socket.</summary>
    public bool PollReceive { get; init; } = true;

    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--header")
            {
                map["header"] = "1";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                map[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        string Get(string k, string d) => map.TryGetValue(k, out string? v) ? v : d;
        return new Options
        {
            Pbx = IPEndPoint.Parse(Get("pbx", "127.0.0.1:5060")),
            Calls = int.Parse(Get("calls", "100")),
            SetupRate = int.Parse(Get("setup-rate", "100")),
            WarmupSeconds = double.Parse(Get("warmup", "5"), System.Globalization.CultureInfo.InvariantCulture),
            MeasureSeconds = double.Parse(Get("duration", "20"), System.Globalization.CultureInfo.InvariantCulture),
            Sockets = int.Parse(Get("sockets", "4")),
            PbxPid = int.Parse(Get("pid", "0")),
            Extension = Get("exten", "200"),
            CallerUser = Get("caller", "caller"),
            CallerPassword = Get("caller-password", "pw-caller"),
            CalleeUser = Get("callee", "callee"),
            CalleePassword = Get("callee-password", "pw-callee"),
            Header = map.ContainsKey("header"),
            PollReceive = Get("rx", "poll") switch
            {
                "poll" => true,
                "block" => false,
                var other => throw new ArgumentException($"--rx {other}: poll or block"),
            },
        };
    }
}
