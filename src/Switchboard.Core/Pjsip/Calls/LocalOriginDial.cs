using System.Globalization;
using Switchboard.Core.Bridges;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Core.Originate;
using Switchboard.Dialplan.Applications;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial(PJSIP/...) run by the ;2 half of an originated Local pair (<c>channel originate Local/x@ctx application
/// Playback demo-congrats</c>, call files, AMI Originate): there is no PJSIP caller, so the devices ring on the pair's own key;
/// the first answer answers the pair, and ;1 — which then runs the originate's application or extension — plays to,
/// reads digits from and records the answering device's media (the pair optimised away, as in Asterisk's bridge of
/// ;2 with the callee). The Dial ends when either the callee or the pair hangs up.
/// </summary>
internal static class LocalOriginDial
{
    public static async ValueTask<AppResult> RunAsync(CallEnvironment env, LocalChannel two, DialString dial, string args, CancellationToken cancellationToken)
    {
        var vars = two.Variables;
        var targets = new List<DialTarget>();
        foreach (var (tech, resource) in dial.Devices)
        {
            if (!tech.Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
            {
                CallLog.UnsupportedTechnology(env.Log, two.Name, tech);
                continue;
            }

            foreach (var t in await DialTargetResolver.ResolveAsync(env, resource, cancellationToken).ConfigureAwait(false))
            {
                targets.Add(t with { Dialed = resource });
            }
        }

        if (targets.Count == 0)
        {
            CallLog.NoContacts(env.Log, two.Name, args);
            vars.Set("DIALSTATUS", "CHANUNAVAIL");
            two.HangupCause = HangupCauseMapper.SubscriberAbsent;
            return AppResult.Continue;
        }

        var request = new OriginateRequest { Channel = two.Name, Context = two.Context, Exten = two.Exten };
        var attempt = new OriginateAttempt(env, request, two.CallerId, two.CallKey) { Dialer = two };
        var started = env.Time.GetTimestamp();
        await env.RunOnKeyAsync(two.CallKey, () => attempt.Start(targets)).ConfigureAwait(false);
        using (var ringTimer = new CancellationTokenSource())
        {
            var waits = new List<Task> { attempt.Decided, two.HungUp };
            if (dial.Timeout is { } timeout)
            {
                waits.Add(Task.Delay(timeout, env.Time, ringTimer.Token));
            }

            await Task.WhenAny(waits).ConfigureAwait(false);
            await ringTimer.CancelAsync().ConfigureAwait(false);
        }

        PjsipOutboundChannel? winner = null;
        await env.RunOnKeyAsync(two.CallKey, () =>
        {
            winner = attempt.Winner;
            if (winner is null || two.IsHungUp)
            {
                attempt.CancelAll();
                winner?.Hangup(HangupCauseMapper.NormalClearing);
                winner = null;
            }
        }).ConfigureAwait(false);
        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        if (winner is null)
        {
            string status = two.IsHungUp ? "CANCEL" : attempt.Decided.IsCompleted && attempt.FailureCause != HangupCauseMapper.NoAnswer
                ? HangupCauseMapper.DialStatus(attempt.FailureCause) : "NOANSWER";
            vars.Set("DIALSTATUS", status);
            vars.Set("ANSWEREDTIME", "0");
            if (!two.IsHungUp)
            {
                two.HangupCause = MixedDialStatus.CauseOf(status);
            }

            return two.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }

        vars.Set("DIALSTATUS", "ANSWER");
        vars.Set("DIALEDPEERNAME", winner.Name);
        two.Other.MediaPeer = winner;
        two.Answer();
        var answeredAt = env.Time.GetTimestamp();

        // ;2 and the device are bridged as in Asterisk (BridgeEnter, BridgeID and the peer in core show channels);
        // the media stays between ;1's applications and the device, so the bridge relays nothing itself.
        var bridge = new Bridge(env.NextBridgeId(), two, winner);
        await env.RunOnKeyAsync(two.CallKey, bridge.Start).ConfigureAwait(false);
        await Task.WhenAny(two.HungUp, winner.HungUp).ConfigureAwait(false);
        bool pairLeft = two.IsHungUp;
        await env.RunOnKeyAsync(two.CallKey, () =>
        {
            bridge.Dispose();
            winner.Hangup(HangupCauseMapper.NormalClearing);
        }).ConfigureAwait(false);
        vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
        return !pairLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
    }

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
