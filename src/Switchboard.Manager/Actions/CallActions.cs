using System.Globalization;
using Switchboard.Manager.Config;
using Switchboard.Manager.Protocol;
using Switchboard.Manager.Seams;

namespace Switchboard.Manager.Actions;

/// <summary>Getvar, Setvar, Originate, Hangup and MessageSend: answered through the call/messaging seams.</summary>
internal static class CallActions
{
    public static void Register(AmiActionRegistry registry)
    {
        registry.Add(AmiAction.Sync("Getvar", AmiClass.Call | AmiClass.Reporting, "Gets a channel variable or function value.", Getvar));
        registry.Add(AmiAction.Sync("Setvar", AmiClass.Call, "Sets a channel variable or function value.", Setvar));
        registry.Add(new AmiAction("Originate", AmiClass.Originate, "Originate a call.", async c =>
            Answer(c, await c.Manager.CallControl.OriginateAsync(c.Request.Headers, c.CancellationToken).ConfigureAwait(false), "Originate successfully queued")));
        registry.Add(new AmiAction("Hangup", AmiClass.System | AmiClass.Call, "Hangup channel.", HangupAsync));
        registry.Add(new AmiAction("MessageSend", AmiClass.Message, "Send an out of call message to an endpoint.", async c =>
            Answer(c, await c.Manager.Messages.SendAsync(c.Request.Headers, c.CancellationToken).ConfigureAwait(false), "Message successfully sent")));
    }

    private static void Getvar(AmiActionContext c)
    {
        var name = c.Header("Variable");
        if (string.IsNullOrEmpty(name))
        {
            c.Error("No variable specified");
            return;
        }

        var channel = c.Header("Channel");
        if (string.IsNullOrEmpty(channel))
        {
            c.Reply(AmiMessage.Success(c.ActionId).Add("Variable", name).Add("Value", c.Manager.Globals.Get(name) ?? string.Empty));
            return;
        }

        var result = c.Manager.CallControl.GetVariable(channel, name);
        if (!result.Success)
        {
            c.Error(result.Message);
            return;
        }

        c.Reply(AmiMessage.Success(c.ActionId).Add("Variable", name).Add("Value", result.Message));
    }

    private static void Setvar(AmiActionContext c)
    {
        var name = c.Header("Variable");
        if (string.IsNullOrEmpty(name))
        {
            c.Error("No variable specified");
            return;
        }

        var value = c.Header("Value") ?? string.Empty;
        var channel = c.Header("Channel");
        if (string.IsNullOrEmpty(channel))
        {
            c.Manager.Globals.Set(name, value);
            c.Success("Variable Set");
            return;
        }

        Answer(c, c.Manager.CallControl.SetVariable(channel, name, value), "Variable Set");
    }

    private static async ValueTask HangupAsync(AmiActionContext c)
    {
        var channel = c.Header("Channel");
        if (string.IsNullOrEmpty(channel))
        {
            c.Error("No channel specified");
            return;
        }

        int? cause = int.TryParse(c.Header("Cause"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        Answer(c, await c.Manager.CallControl.HangupAsync(channel, cause, c.CancellationToken).ConfigureAwait(false), "Channel Hungup");
    }

    private static void Answer(AmiActionContext c, AmiSeamResult result, string successMessage)
    {
        if (!result.Success)
        {
            c.Error(result.Message);
            return;
        }

        var reply = AmiMessage.Success(c.ActionId, result.Message.Length > 0 ? result.Message : successMessage);
        if (result.Fields is { } fields)
        {
            foreach (var f in fields)
            {
                reply.Add(f.Key, f.Value);
            }
        }

        c.Reply(reply);
    }
}
