using System.Globalization;
using Switchboard.Core.Cli;

namespace Switchboard.Core.Messaging;

/// <summary><c>messaging show queued</c>: the stored messages waiting for their endpoint.</summary>
internal static class MessagingCliCommands
{
    public static void Register(CliCommandRegistry cli, MessageStore? store, TimeProvider time)
    {
        cli.Register(CliCommand.Sync("messaging show queued", "Lists stored messages waiting for their endpoint to register", (_, o) => ShowQueued(store, time, o)));
    }

    internal static void ShowQueued(MessageStore? store, TimeProvider time, TextWriter o)
    {
        if (store is null)
        {
            o.WriteLine("Message store is not enabled.");
            return;
        }

        var queued = store.Queued();
        var now = time.GetUtcNow();
        o.WriteLine($"{"Id",-6} {"Endpoint",-20} {"From",-28} {"Age",-10} {"Expires in",-12} {"Tries",5}  Body");
        foreach (var m in queued)
        {
            var body = m.Body.ReplaceLineEndings(" ");
            if (body.Length > 40)
            {
                body = body[..40] + "...";
            }

            o.WriteLine($"{m.Id,-6} {m.Endpoint,-20} {m.From,-28} {Span(now - m.CreatedAt),-10} {Span(m.ExpiresAt - now),-12} {m.Attempts,5}  {body}");
        }

        o.WriteLine($"{queued.Count} queued message{(queued.Count == 1 ? string.Empty : "s")}");
    }

    private static string Span(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
        {
            t = TimeSpan.Zero;
        }

        return t.TotalDays >= 1 ? ((int)t.TotalDays).ToString(CultureInfo.InvariantCulture) + "d" + t.Hours.ToString(CultureInfo.InvariantCulture) + "h"
            : t.TotalHours >= 1 ? ((int)t.TotalHours).ToString(CultureInfo.InvariantCulture) + "h" + t.Minutes.ToString(CultureInfo.InvariantCulture) + "m"
            : ((int)t.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m" + t.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
