using System.Globalization;
using Switchboard.Core.Cli;
using Switchboard.Manager.Actions;
using Switchboard.Manager.Config;

namespace Switchboard.Manager.Cli;

/// <summary><c>manager show connected</c> and <c>manager show users</c>, laid out like Asterisk's.</summary>
internal static class ManagerCliCommands
{
    public static void Register(CliCommandRegistry cli, ManagerContext manager)
    {
        cli.Register(CliCommand.Sync("manager show connected", "List connected manager interface users", (_, o) => Connected(o, manager)));
        cli.Register(CliCommand.Sync("manager show users", "List configured manager users", (_, o) => Users(o, manager)));
    }

    private static void Connected(TextWriter o, ManagerContext manager)
    {
        o.WriteLine(Row("Username", "IP Address", "Start", "Elapsed", "FileDes", "HttpCnt", "Read", "Write"));
        var now = manager.Time.GetUtcNow();
        int count = 0;
        foreach (var s in manager.Sessions.All)
        {
            if (s.User is not { } user)
            {
                continue;
            }

            count++;
            o.WriteLine(Row(user.Name, s.Remote.Address.ToString(),
                s.ConnectedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ((long)(now - s.ConnectedAt).TotalSeconds).ToString(CultureInfo.InvariantCulture),
                s.Id.ToString(CultureInfo.InvariantCulture), "0", Hex(user.Read), Hex(user.Write)));
        }

        o.WriteLine($"{count} users connected.");
    }

    private static void Users(TextWriter o, ManagerContext manager)
    {
        var users = manager.Config.Users;
        if (users.Count == 0)
        {
            o.WriteLine("There are no manager users.");
            return;
        }

        o.WriteLine();
        o.WriteLine("username");
        o.WriteLine("--------");
        var names = new List<string>(users.Keys);
        names.Sort(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var u = users[name];
            o.WriteLine($"{u.Name}  (read: {AmiClasses.Format(u.Read)}; write: {AmiClasses.Format(u.Write)}; acl: {(u.Acl.Rules.Count == 0 ? "no" : "yes")})");
        }

        o.WriteLine("-------------------");
        o.WriteLine($"{users.Count} manager users configured.");
    }

    private static string Row(string user, string address, string start, string elapsed, string fd, string http, string read, string write)
        => "  " + Cell(user, 15) + "  " + Cell(address, 55) + "  " + Cell(start, 10) + "  " + Cell(elapsed, 10) + "  " + Cell(fd, 8) + "  " + Cell(http, 8) + "  " + Cell(read, 5) + "  " + Cell(write, 5);

    private static string Cell(string text, int width) => text.Length > width ? text[..width] : text.PadRight(width);

    private static string Hex(AmiClass c) => ((int)c).ToString("x", CultureInfo.InvariantCulture);
}
