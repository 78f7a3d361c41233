using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Manager.Config;
using Switchboard.Manager.Events;
using Switchboard.Manager.Protocol;
using Switchboard.Manager.Sessions;

namespace Switchboard.Manager.Actions;

/// <summary>Login, Challenge, Logoff, Ping, Events, Filter and ListCommands.</summary>
internal static partial class SessionActions
{
    public static void Register(AmiActionRegistry registry, AmiAuthenticator authenticator)
    {
        registry.Add(new AmiAction("Login", AmiClass.None, "Login Manager.", c => { Login(c, authenticator); return ValueTask.CompletedTask; }) { AllowedBeforeLogin = true });
        registry.Add(new AmiAction("Challenge", AmiClass.None, "Generate Challenge for MD5 Auth.", c => { Challenge(c); return ValueTask.CompletedTask; }) { AllowedBeforeLogin = true });
        registry.Add(new AmiAction("Logoff", AmiClass.None, "Logoff Manager.", c => { Logoff(c); return ValueTask.CompletedTask; }) { AllowedBeforeLogin = true });
        registry.Add(AmiAction.Sync("Ping", AmiClass.None, "Keepalive command.", Ping));
        registry.Add(AmiAction.Sync("Events", AmiClass.None, "Control Event Flow.", Events));
        registry.Add(AmiAction.Sync("Filter", AmiClass.System, "Dynamically add filters for the current manager session.", Filter));
        registry.Add(AmiAction.Sync("ListCommands", AmiClass.None, "List available manager commands.", ListCommands));
    }

    private static void Login(AmiActionContext c, AmiAuthenticator authenticator)
    {
        if (c.Session.IsAuthenticated)
        {
            c.Success("Already authenticated");
            return;
        }

        var username = c.Header("Username") ?? string.Empty;
        var user = authenticator.Authenticate(c.Manager.Config, c.Session, username, c.Header("AuthType"), c.Header("Secret"), c.Header("Key"));
        if (user is null)
        {
            LogLoginFailed(c.Manager.Log, AmiText.Clean(username), c.Session.Remote.ToString());
            c.Error("Authentication failed");
            c.Session.Close("authentication failed");
            return;
        }

        c.Session.Authenticate(user, EventMask(c.Header("Events"), AmiClass.All));
        c.Success("Authentication accepted");
        if (c.Manager.Config.DisplayConnects && user.DisplayConnects)
        {
            LogLoggedOn(c.Manager.Log, user.Name, c.Session.Remote.Address.ToString());
        }

        var now = c.Manager.Time.GetUtcNow();
        c.Manager.Hub.SendTo(c.Session, new AmiEvent("FullyBooted", AmiClass.System,
        [
            new("Uptime", Seconds(now - c.Manager.StartedAt)),
            new("LastReload", Seconds(now - c.Manager.LastReload)),
            new("Status", "Fully Booted"),
        ]));
    }

    private static void Challenge(AmiActionContext c)
    {
        if (!string.Equals(c.Header("AuthType"), "md5", StringComparison.OrdinalIgnoreCase))
        {
            c.Error("Must specify AuthType");
            return;
        }

        c.Session.Challenge ??= RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        c.Reply(AmiMessage.Success(c.ActionId).Add("Challenge", c.Session.Challenge));
    }

    private static void Logoff(AmiActionContext c)
    {
        c.Reply(AmiMessage.Response("Goodbye", c.ActionId, "Thanks for all the fish."));
        if (c.Session.User is { } user && c.Manager.Config.DisplayConnects && user.DisplayConnects)
        {
            LogLoggedOff(c.Manager.Log, user.Name, c.Session.Remote.Address.ToString());
        }

        c.Session.Close("logoff");
    }

    private static void Ping(AmiActionContext c)
        => c.Reply(AmiMessage.Success(c.ActionId).Add("Ping", "Pong").Add("Timestamp", AmiEventFormatter.Timestamp(c.Manager.Time.GetUtcNow())));

    private static void Events(AmiActionContext c)
    {
        var mask = EventMask(c.Header("EventMask"), AmiClass.None);
        c.Session.SetSendEvents(mask);
        c.Reply(AmiMessage.Success(c.ActionId).Add("Events", mask == AmiClass.None ? "Off" : "On"));
    }

    private static void Filter(AmiActionContext c)
    {
        var operation = c.Header("Operation") ?? "Add";
        if (!operation.Equals("Add", StringComparison.OrdinalIgnoreCase))
        {
            c.Error("Filter Operation Not Supported");
            return;
        }

        if (!AmiEventFilter.TryCreate(c.Header("Filter") ?? string.Empty, out var filter, out var error))
        {
            c.Error(error);
            return;
        }

        c.Session.AddFilter(filter!);
        c.Success("Filter Added Successfully");
    }

    private static void ListCommands(AmiActionContext c)
    {
        var reply = AmiMessage.Success(c.ActionId);
        var write = c.Session.User?.Write ?? AmiClass.None;
        foreach (var action in c.Manager.Actions.All)
        {
            if (action.Privilege == AmiClass.None || (write & action.Privilege) != 0)
            {
                reply.Add(action.Name, $"{action.Synopsis}  (Priv: {AmiClasses.Format(action.Privilege)})");
            }
        }

        c.Reply(reply);
    }

    /// <summary>Events/EventMask values: on, off, a class list; missing means <paramref name="missing"/>.</summary>
    internal static AmiClass EventMask(string? value, AmiClass missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return missing;
        }

        if (ManagerConfigLoader.TryParseBool(value, out var on))
        {
            return on ? AmiClass.All : AmiClass.None;
        }

        return AmiClasses.Parse(value);
    }

    internal static string Seconds(TimeSpan span) => ((long)Math.Max(0, span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager '{User}' logged on from {Address}")]
    private static partial void LogLoggedOn(ILogger log, string user, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager '{User}' logged off from {Address}")]
    private static partial void LogLoggedOff(ILogger log, string user, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Remote} failed to authenticate as '{User}'")]
    private static partial void LogLoginFailed(ILogger log, string user, string remote);
}
