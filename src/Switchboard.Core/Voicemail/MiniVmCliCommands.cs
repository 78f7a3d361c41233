using System.Globalization;
using Switchboard.Core.Cli;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// <c>minivm show failed</c>: the voicemail mails given up (refused with 5xx or out of attempts), with the last reply;
/// <c>minivm retry &lt;id|all&gt;</c>: queues them again.
/// </summary>
internal static class MiniVmCliCommands
{
    public static void Register(CliCommandRegistry cli, MailOutbox outbox, TimeProvider time)
    {
        cli.Register(CliCommand.Sync("minivm show failed", "Lists voicemail mails the server refused or that failed too often", (_, o) => ShowFailed(outbox, time, o)));
        cli.Register(new CliCommand("minivm retry", "Queues failed voicemail mails again", (args, o, _) => ValueTask.FromResult(Retry(outbox, args, o)), "Usage: minivm retry <id|all>"));
    }

    internal static void ShowFailed(MailOutbox outbox, TimeProvider time, TextWriter o)
    {
        var list = outbox.DeadLetters.List();
        var now = time.GetUtcNow();
        o.WriteLine($"{"Id",-53} {"Recipient",-30} {"Age",-8} {"Tries",5}  Reply");
        foreach (var d in list)
        {
            var r = d.Reason;
            string age = r is null ? "?" : Age(now - r.Time);
            o.WriteLine($"{d.Id,-53} {r?.Recipient ?? "?",-30} {age,-8} {r?.Attempts ?? 0,5}  {r?.Reply ?? "(no reason file)"}");
        }

        o.WriteLine($"{list.Count.ToString(CultureInfo.InvariantCulture)} failed mail{(list.Count == 1 ? string.Empty : "s")} in {outbox.DeadLetters.DirectoryPath}");
    }

    internal static int Retry(MailOutbox outbox, IReadOnlyList<string> args, TextWriter o)
    {
        if (args.Count != 1)
        {
            o.WriteLine("Usage: minivm retry <id|all>");
            return 1;
        }

        var moved = outbox.Retry(args[0], out var error);
        foreach (var id in moved)
        {
            o.WriteLine($"Queued {id}");
        }

        if (error is not null)
        {
            o.WriteLine($"minivm retry: {error}");
        }

        o.WriteLine($"{moved.Count.ToString(CultureInfo.InvariantCulture)} mail{(moved.Count == 1 ? string.Empty : "s")} queued again");
        return error is null ? 0 : 1;
    }

    private static string Age(TimeSpan t)
    {
        t = t < TimeSpan.Zero ? TimeSpan.Zero : t;
        return t.TotalDays >= 1 ? ((int)t.TotalDays).ToString(CultureInfo.InvariantCulture) + "d"
            : t.TotalHours >= 1 ? ((int)t.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
            : ((int)t.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
    }
}
