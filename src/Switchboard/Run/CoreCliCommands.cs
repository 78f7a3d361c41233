using System.Globalization;
using System.Reflection;
using Switchboard.Core.Cli;
using Switchboard.Core.Storage;

namespace Switchboard.Run;

/// <summary>core show version/uptime/help, core reload, module reload, database show/get/put/del/deltree.</summary>
internal static class CoreCliCommands
{
    public static string Version => typeof(CoreCliCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    public static void Register(CliCommandRegistry cli, TimeProvider time, DateTimeOffset started, Func<DateTimeOffset> lastReload, Func<TextWriter, int> reload, AstDatabase astdb)
    {
        cli.Register(CliCommand.Sync("core show version", "Show version", (_, o) =>
            o.WriteLine($"Switchboard {Version} built for {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} on .NET {Environment.Version}")));
        cli.Register(CliCommand.Sync("core show uptime", "Show uptime", (a, o) =>
        {
            var now = time.GetUtcNow();
            bool seconds = a.Count > 0 && a[0] == "seconds";
            o.WriteLine(seconds ? $"System uptime: {(long)(now - started).TotalSeconds}" : $"System uptime: {Describe(now - started)}");
            o.WriteLine(seconds ? $"Last reload: {(long)(now - lastReload()).TotalSeconds}" : $"Last reload: {Describe(now - lastReload())}");
        }));
        cli.Register(CliCommand.Sync("core show help", "List commands", (a, o) =>
        {
            foreach (var c in cli.Commands.OrderBy(c => string.Join(' ', c.Words), StringComparer.Ordinal))
            {
                var words = string.Join(' ', c.Words);
                if (a.Count == 0 || words.StartsWith(string.Join(' ', a), StringComparison.OrdinalIgnoreCase))
                {
                    o.WriteLine($"{words,-40} -- {c.Summary}");
                }
            }
        }));
        cli.Register(new CliCommand("core reload", "Reload every configuration file", (_, o, _) => ValueTask.FromResult(reload(o))));
        cli.Register(new CliCommand("module reload", "Reload a module's configuration (res_pjsip.so, pbx_config.so ...; all without argument)", (_, o, _) => ValueTask.FromResult(reload(o))));
        cli.Register(new CliCommand("pjsip reload", "Reload the PJSIP configuration", (_, o, _) => ValueTask.FromResult(reload(o))));
        cli.Register(CliCommand.Sync("database show", "Show AstDB entries", (a, o) =>
        {
            var rows = astdb.Show(a.Count > 0 ? a[0] : null, a.Count > 1 ? a[1] : null);
            foreach (var (k, v) in rows)
            {
                o.WriteLine($"{k,-50}: {v}");
            }

            o.WriteLine($"{rows.Count} results found.");
        }));
        cli.Register(CliCommand.Sync("database get", "Get an AstDB value", (a, o) =>
        {
            var v = a.Count >= 2 ? astdb.Get(a[0], a[1]) : null;
            o.WriteLine(v is null ? "Database entry not found." : "Value: " + v);
        }, "Usage: database get <family> <key>"));
        cli.Register(CliCommand.Sync("database put", "Put an AstDB value", (a, o) =>
            o.WriteLine(a.Count >= 3 && astdb.Put(a[0], a[1], a[2]) ? "Updated database successfully" : "Failed to update database"), "Usage: database put <family> <key> <value>"));
        cli.Register(CliCommand.Sync("database del", "Delete an AstDB key", (a, o) =>
            o.WriteLine(a.Count >= 2 && astdb.Delete(a[0], a[1]) ? "Database entry removed." : "Database entry does not exist."), "Usage: database del <family> <key>"));
        cli.Register(CliCommand.Sync("database deltree", "Delete an AstDB family", (a, o) =>
        {
            int n = a.Count >= 1 ? astdb.DeleteTree(a[0], a.Count > 1 ? a[1] : null) : 0;
            o.WriteLine(n > 0 ? $"{n} database entries removed." : "Database entries do not exist.");
        }, "Usage: database deltree <family> [keytree]"));
    }

    private static string Describe(TimeSpan t)
    {
        var parts = new List<string>();
        if (t.Days > 0)
        {
            parts.Add(t.Days.ToString(CultureInfo.InvariantCulture) + (t.Days == 1 ? " day" : " days"));
        }

        if (t.Hours > 0)
        {
            parts.Add(t.Hours.ToString(CultureInfo.InvariantCulture) + (t.Hours == 1 ? " hour" : " hours"));
        }

        if (t.Minutes > 0)
        {
            parts.Add(t.Minutes.ToString(CultureInfo.InvariantCulture) + (t.Minutes == 1 ? " minute" : " minutes"));
        }

        parts.Add(t.Seconds.ToString(CultureInfo.InvariantCulture) + (t.Seconds == 1 ? " second" : " seconds"));
        return string.Join(", ", parts);
    }
}
