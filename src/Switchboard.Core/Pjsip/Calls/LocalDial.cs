using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial(Local/exten@context[/n]) from a PJSIP caller: creates the Local pair, runs exten@context on ;2 and holds ;1
/// for the caller. A Dial(PJSIP/...) that ;2 runs dials on behalf of the caller (<see cref="LocalChannel.OptimizedCaller"/>),
/// so ringing, early media, the answer and the RTP bridge are between the caller and the PJSIP leg directly: the
/// Local pair is optimised away for media, as Asterisk's Local optimisation does once both sides are bridged. When
/// ;2's dialplan answers by itself (Answer, Playback ...) the caller is answered and bridged to ;1, and ;2's prompts,
/// digits and recordings use the caller's media (<see cref="LocalCallerSide"/>).
/// </summary>
internal static class LocalDial
{
    public static async ValueTask<AppResult> RunAsync(CallEnvironment env, PjsipChannel caller, string resource, DialString dial)
    {
        var vars = caller.Variables;
        if (LocalTargets.Start(env, caller, resource) is not { } one)
        {
            // Asterisk's local_call refuses a Local channel whose exten@context does not exist: CHANUNAVAIL.
            vars.Set("DIALSTATUS", "CHANUNAVAIL");
            vars.Set("DIALEDTIME", "0");
            vars.Set("ANSWEREDTIME", "0");
            caller.HangupCause = HangupCauseMapper.SubscriberAbsent;
            return AppResult.Continue;
        }

        env.Channels.NotifyDialBegin(caller, one, "Local/" + resource);
        var started = env.Time.GetTimestamp();
        bool music = dial.HasOption('m');
        await env.RunOnKeyAsync(caller.CallKey, () =>
        {
            if (caller.IsHungUp || caller.State == ChannelState.Up)
            {
                return;
            }

            if (music)
            {
                caller.Indicate(ChannelIndication.Progress);
                caller.StartMusicOnHold(DialApplication.MusicClass(dial.Options), out _);
            }
            else if (dial.HasOption('r'))
            {
                caller.Indicate(ChannelIndication.Ringing);
            }
        }).ConfigureAwait(false);

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
            env.Channels.NotifyDialEnd(caller, one, status);
            await env.RunOnKeyAsync(caller.CallKey, caller.StopMusicOnHold).ConfigureAwait(false);
            vars.Set("DIALSTATUS", status);
            vars.Set("ANSWEREDTIME", "0");
            if (!caller.IsHungUp)
            {
                caller.HangupCause = cause;
            }

            return caller.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }

        env.Channels.NotifyDialEnd(caller, one, "ANSWER");
        vars.Set("DIALSTATUS", "ANSWER");
        vars.Set("DIALEDPEERNAME", one.Name);
        var answeredAt = env.Time.GetTimestamp();
        var bridge = await LocalTargets.BridgeAsync(env, caller, one).ConfigureAwait(false);
        await Task.WhenAny(caller.HungUp, one.HungUp).ConfigureAwait(false);
        bool callerLeft = caller.IsHungUp;
        one.HangupPair(HangupCauseMapper.NormalClearing);
        await LocalTargets.UnbridgeAsync(env, caller, bridge).ConfigureAwait(false);
        vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
    }

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
