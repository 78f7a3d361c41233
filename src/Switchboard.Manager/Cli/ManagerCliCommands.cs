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
        const string format = "  {0,-15.15}  {1,-55.55}  {2,-10.10}  {3,-10.10}  {4,-8.8}  {5,-8.8}  {6,-5.5}  {7,-5.5}";
        o.WriteLine(string.Format(CultureInfo.InvariantCulture, format, "Username", "IP Address", "Start", "Elapsed", "FileDes", "HttpCnt", "Read", "Write"));
        var now = manager.Time.GetUtcNow();
        int count = 0;
        foreach (var s in manager.Sessions.All)
        {
            if (s.User is not { } user)
            {
                continue;
            }

            count++;
            o.WriteLine(string.Format(CultureInfo.InvariantCulture, format, user.Name, s.Remote.Address.ToString(),
                s.ConnectedAt.ToUnixTimeSeconds(), (long)(now - s.ConnectedAt).TotalSeconds, s.Id, 0,
                Hex(user.Read), Hex(user.Write)));
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

    private static string Hex(AmiClass c) => ((int)c).ToString("x", CultureInfo.InvariantCulture);
}
