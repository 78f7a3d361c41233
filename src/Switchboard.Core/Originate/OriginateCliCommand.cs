using Switchboard.Core.Cli;

namespace Switchboard.Core.Originate;

/// <summary>
/// <c>channel originate &lt;tech/data&gt; extension [exten@]context</c> and <c>channel originate &lt;tech/data&gt;
/// application &lt;app&gt; [data]</c>: queued as Asterisk does (the command returns at once; the outcome is logged).
/// </summary>
internal static class OriginateCliCommand
{
    public const string Usage = "Usage: channel originate <tech/data> application <appname> [appdata]\n"
        + "       channel originate <tech/data> extension [exten@][context]";

    public static void Register(CliCommandRegistry cli, Func<OriginateRequest, CancellationToken, Task<OriginateResult>> originate)
    {
        cli.Register(new CliCommand("channel originate", "Originate a call", (args, o, ct) =>
        {
            if (!TryParse(args, out var request, out var error))
            {
                o.WriteLine(error);
                o.WriteLine(Usage);
                return ValueTask.FromResult(1);
            }

            _ = originate(request!, CancellationToken.None);
            return ValueTask.FromResult(0);
        }, Usage));
    }

    internal static bool TryParse(IReadOnlyList<string> args, out OriginateRequest? request, out string? error)
    {
        request = null;
        error = null;
        if (args.Count < 3)
        {
            error = "Not enough arguments";
            return false;
        }

        var channel = args[0];
        if (channel.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            error = "Channel must be <tech>/<data>";
            return false;
        }

        switch (args[1].ToLowerInvariant())
        {
            case "application":
                request = new OriginateRequest { Channel = channel, Application = args[2], Data = args.Count > 3 ? string.Join(' ', Rest(args, 3)) : string.Empty };
                return true;
            case "extension":
                // res_clioriginate splits at the first '@' (strsep): the text before it is the extension, even
                // without an '@' ("extension 100" is 100@default); an empty part becomes s or default.
                var target = args[2];
                int at = target.IndexOf('@', StringComparison.Ordinal);
                var exten = at < 0 ? target : target[..at];
                var context = at < 0 ? string.Empty : target[(at + 1)..];
                request = new OriginateRequest { Channel = channel, Exten = exten.Length == 0 ? "s" : exten, Context = context.Length == 0 ? "default" : context };
                return true;
            default:
                error = "Expected 'application' or 'extension', got '" + args[1] + "'";
                return false;
        }
    }

    private static IEnumerable<string> Rest(IReadOnlyList<string> args, int from)
    {
        for (int i = from; i < args.Count; i++)
        {
            yield return args[i];
        }
    }
}
