using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Starting and bridging a Local/exten@context target of a PJSIP caller's Dial: the pair is created only when
/// exten@context exists (Asterisk's local_call refuses the call otherwise: CHANUNAVAIL), its ;2 half runs the
/// dialplan there on the caller's behalf, and once the pair wins the caller is bridged to its ;1 half.
/// </summary>
internal static class LocalTargets
{
    /// <summary>The ;1 half of a started pair, or null when <paramref name="resource"/> names no existing extension.</summary>
    public static LocalChannel? Start(CallEnvironment env, PjsipChannel caller, string resource)
    {
        if (!LocalChannel.TryParseResource(resource, out var exten, out var context)
            || !env.Dialplan.Current.Exists(context, exten, 1, caller.CallerId.Number, env.Time))
        {
            CallLog.LocalUnavailable(env.Log, caller.Name, resource);
            return null;
        }

        var (one, two) = LocalChannel.CreatePair(env.Channels, exten, context, env.Time);
        two.OptimizedCaller = caller;
        one.IsDialTarget = true;
        OutgoingLine.MarkDialed(one);
        two.IsDialTarget = true;
        one.CallerId = caller.CallerId;
        two.CallerId = caller.CallerId;
        one.LinkedId = caller.LinkedId;
        two.LinkedId = caller.LinkedId;
        one.Language = caller.Language;
        two.Language = caller.Language;
        env.Channels.Add(one);
        env.Channels.Add(two);
        _ = RunLocalSideAsync(env, two, context, exten);
        return one;
    }

    /// <summary>
    /// The pair won: the caller is answered (the ;2 side's answer normally did it already) and — unless a Dial run by
    /// ;2 bridged the caller to its callee directly — bridged to ;1. Returns the bridge to dispose at the end, or null.
    /// </summary>
    public static async Task<Bridge?> BridgeAsync(CallEnvironment env, PjsipChannel caller, LocalChannel one)
    {
        Bridge? bridge = null;
        await env.RunOnKeyAsync(caller.CallKey, () =>
        {
            caller.StopMusicOnHold();
            caller.Answer();
            if (caller.BridgedTo is null && !caller.IsHungUp && !one.IsHungUp)
            {
                bridge = new Bridge(env.NextBridgeId(), caller, one);
                bridge.Start();
                CallLog.Bridged(env.Log, bridge.Id, caller.Name, one.Name, false);
            }
        }).ConfigureAwait(false);
        return bridge;
    }

    /// <summary>Takes the bridge from <see cref="BridgeAsync"/> down (on the caller's key).</summary>
    public static Task UnbridgeAsync(CallEnvironment env, PjsipChannel caller, Bridge? bridge)
    {
        if (bridge is null)
        {
            return Task.CompletedTask;
        }

        return env.RunOnKeyAsync(caller.CallKey, () =>
        {
            CallLog.BridgeEnded(env.Log, bridge.Id, bridge.A.Name, bridge.B.Name, 0, 0);
            bridge.Dispose();
        });
    }

    private static async Task RunLocalSideAsync(CallEnvironment env, LocalChannel two, string context, string exten)
    {
        try
        {
            await env.Dialplan.RunAsync(two, context, exten).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            CallLog.DialplanFailed(env.Log, e, two.Name);
        }
        finally
        {
            two.HangupPair(two.HangupCause != 0 ? two.HangupCause : HangupCauseMapper.NormalClearing);
        }
    }
}
