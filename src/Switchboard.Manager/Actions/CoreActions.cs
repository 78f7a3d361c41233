using System.Globalization;
using Switchboard.Manager.Config;
using Switchboard.Manager.Events;
using Switchboard.Manager.Protocol;

namespace Switchboard.Manager.Actions;

/// <summary>Command, CoreStatus, CoreSettings, CoreShowChannels, Reload and UserEvent.</summary>
internal static class CoreActions
{
    /// <summary>AMI protocol version announced in the banner and CoreSettings.</summary>
    public const string AmiVersion = "7.0.3";

    public static void Register(AmiActionRegistry registry, string systemVersion, string systemName)
    {
        registry.Add(new AmiAction("Command", AmiClass.Command, "Execute Asterisk CLI Command.", CommandAsync));
        registry.Add(AmiAction.Sync("CoreStatus", AmiClass.System | AmiClass.Reporting, "Show PBX core status variables.", CoreStatus));
        registry.Add(AmiAction.Sync("CoreSettings", AmiClass.System | AmiClass.Reporting, "Show PBX core settings (version etc).", c => CoreSettings(c, systemVersion, systemName)));
        registry.Add(AmiAction.Sync("CoreShowChannels", AmiClass.System | AmiClass.Reporting, "List currently active channels.", CoreShowChannels));
        registry.Add(new AmiAction("Reload", AmiClass.System | AmiClass.Config, "Send a reload event.", ReloadAsync));
        registry.Add(AmiAction.Sync("UserEvent", AmiClass.User, "Send an arbitrary event.", UserEvent));
    }

    private static async ValueTask CommandAsync(AmiActionContext c)
    {
        var line = c.Header("Command");
        if (string.IsNullOrWhiteSpace(line))
        {
            c.Error("No command provided");
            return;
        }

        var (code, output) = await c.Manager.RunCliAsync(line, c.CancellationToken).ConfigureAwait(false);
        var reply = AmiMessage.Response(code == 0 ? "Success" : "Error", c.ActionId, "Command output follows");
        foreach (var outputLine in Lines(output))
        {
            reply.Add("Output", outputLine);
        }

        c.Reply(reply);
    }

    private static void CoreStatus(AmiActionContext c)
    {
        var started = c.Manager.StartedAt.ToLocalTime();
        var reloaded = c.Manager.LastReload.ToLocalTime();
        c.Reply(AmiMessage.Success(c.ActionId)
            .Add("CoreStartupDate", started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Add("CoreStartupTime", started.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            .Add("CoreReloadDate", reloaded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Add("CoreReloadTime", reloaded.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            .Add("CoreCurrentCalls", c.Manager.CallControl.Channels.Count));
    }

    private static void CoreSettings(AmiActionContext c, string systemVersion, string systemName)
        => c.Reply(AmiMessage.Success(c.ActionId)
            .Add("AMIversion", AmiVersion)
            .Add("AsteriskVersion", systemVersion)
            .Add("SystemName", systemName)
            .Add("CoreMaxCalls", 0)
            .Add("CoreMaxLoadAvg", "0.000000")
            .Add("CoreRunUser", Environment.UserName)
            .Add("CoreRunGroup", string.Empty)
            .Add("CoreMaxFilehandles", 0)
            .Add("CoreRealTimeEnabled", "No")
            .Add("CoreCDRenabled", "No")
            .Add("CoreHTTPenabled", "No")
            .Add("SoundsSearchCustomDir", "No"));

    private static void CoreShowChannels(AmiActionContext c)
    {
        var items = new List<AmiMessage>();
        foreach (var channel in c.Manager.CallControl.Channels)
        {
            var item = AmiMessage.ListEvent("CoreShowChannel", c.ActionId).Add("Channel", channel.Channel);
            foreach (var f in channel.Fields)
            {
                item.Add(f.Key, f.Value);
            }

            item.Add("Uniqueid", channel.Uniqueid);
            items.Add(item);
        }

        c.List("Channels will follow", "CoreShowChannelsComplete", items);
    }

    private static async ValueTask ReloadAsync(AmiActionContext c)
    {
        var module = c.Header("Module");
        var line = string.IsNullOrWhiteSpace(module) ? "core reload" : "module reload " + module.Trim();
        var (code, output) = await c.Manager.RunCliAsync(line, c.CancellationToken).ConfigureAwait(false);
        var status = code == 0 ? "Success" : "Error";
        c.Manager.Hub.Publish(new AmiEvent("Reload", AmiClass.System, [new("Module", string.IsNullOrWhiteSpace(module) ? "All" : module.Trim()), new("Status", status)]));
        if (code == 0)
        {
            c.Manager.LastReload = c.Manager.Time.GetUtcNow();
            c.Success("Module Reloaded");
        }
        else
        {
            var reply = AmiMessage.Error(c.ActionId, "Reload failed");
            foreach (var l in Lines(output))
            {
                reply.Add("Output", l);
            }

            c.Reply(reply);
        }
    }

    private static void UserEvent(AmiActionContext c)
    {
        var name = c.Header("UserEvent");
        if (string.IsNullOrWhiteSpace(name))
        {
            c.Error("UserEvent header missing");
            return;
        }

        var fields = new List<KeyValuePair<string, string>> { new("UserEvent", name) };
        foreach (var h in c.Request.Headers)
        {
            if (!h.Key.Equals("Action", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("UserEvent", StringComparison.OrdinalIgnoreCase)
                && !h.Key.Equals("ActionID", StringComparison.OrdinalIgnoreCase))
            {
                fields.Add(h);
            }
        }

        c.Manager.Hub.Publish(new AmiEvent("UserEvent", AmiClass.User, fields));
        c.Success("Event Sent");
    }

    internal static IEnumerable<string> Lines(string output)
    {
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        for (int i = 0; i < count; i++)
        {
            yield return lines[i];
        }
    }
}
