using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Applications;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial(Local/exten@context[/n]) from a PJSIP caller: creates the Local pair, runs exten@context on ;2 and holds ;1
/// for the caller. A Dial(PJSIP/...) that ;2 runs dials on behalf of the caller (<see cref="LocalChannel.OptimizedCaller"/>),
/// so ringing, early media, the answer and the RTP bridge are between the caller and the PJSIP leg directly: the
/// Local pair is optimised away for media, as Asterisk's Local optimisation does once both sides are bridged.
/// </summary>
internal static class LocalDial
{
    public static async ValueTask<AppResult> RunAsync(CallEnvironment env, PjsipChannel caller, string resource, DialString dial)
    {
        var vars = caller.Variables;
        if (!LocalChannel.TryParseResource(resource, out var exten, out var context))
        {
            vars.Set("DIALSTATUS", "CHANUNAVAIL");
            return AppResult.Continue;
        }

        var (one, two) = LocalChannel.CreatePair(env.Channels, exten, context, env.Time);
        two.OptimizedCaller = caller;
        one.CallerId = caller.CallerId;
        two.CallerId = caller.CallerId;
        one.LinkedId = caller.LinkedId;
        two.LinkedId = caller.LinkedId;
        env.Channels.Add(one);
        env.Channels.Add(two);
        var started = env.Time.GetTimestamp();
        _ = RunLocalSideAsync(env, two, context, exten);

        using (var ringTimer = new CancellationTokenSource())
        {
            var waits = new List<Task> { one.Answered, one.HungUp, caller.HungUp };
            if (dial.Timeout is { } timeout)
            {
                waits.Add(Task.Delay(timeout, env.Time, ringTimer.Token));
            }

            await Task.WhenAny(waits).ConfigureAwait(false);
            await ringTimer.CancelAsync().ConfigureAwait(false);
        }

        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        if (!one.Answered.IsCompleted)
        {
            string status = caller.IsHungUp ? "CANCEL" : one.IsHungUp ? HangupCauseMapper.DialStatus(one.HangupCause) : "NOANSWER";
            int cause = one.IsHungUp && one.HangupCause != 0 ? one.HangupCause : HangupCauseMapper.NoAnswer;
            one.HangupPair(cause);
            vars.Set("DIALSTATUS", status);
            vars.Set("ANSWEREDTIME", "0");
            if (!caller.IsHungUp)
            {
                caller.HangupCause = cause;
            }

            return caller.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }

        vars.Set("DIALSTATUS", "ANSWER");
        vars.Set("DIALEDPEERNAME", one.Name);
        var answeredAt = env.Time.GetTimestamp();
        await Task.WhenAny(caller.HungUp, one.HungUp).ConfigureAwait(false);
        bool callerLeft = caller.IsHungUp;
        one.HangupPair(HangupCauseMapper.NormalClearing);
        vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
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

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
