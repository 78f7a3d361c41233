using System.Globalization;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial() from a PJSIP caller whose targets mix Local channels with others (Dial(Local/x@ctx&amp;PJSIP/bob)): every
/// target rings at once — the PJSIP ones as one <see cref="DialAttempt"/>, each Local one as a pair whose ;2 runs
/// exten@context (its own Dial rings on the caller's behalf) — the first answer wins through a
/// <see cref="DialClaim"/>, and everything else is cancelled, as Asterisk's app_dial does with any channel mix.
/// </summary>
internal static class MixedDial
{
    public static async ValueTask<AppResult> RunAsync(CallEnvironment env, PjsipChannel caller, DialString dial, string args, CancellationToken cancellationToken)
    {
        var vars = caller.Variables;
        var targets = new List<DialTarget>();
        var resources = new List<string>();
        foreach (var (tech, resource) in dial.Devices)
        {
            if (tech.Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var t in await DialTargetResolver.ResolveAsync(env, resource, cancellationToken).ConfigureAwait(false))
                {
                    targets.Add(t with { Dialed = resource });
                }
            }
            else if (!tech.Equals("Local", StringComparison.OrdinalIgnoreCase) || !LocalChannel.TryParseResource(resource, out _, out _))
            {
                CallLog.UnsupportedTechnology(env.Log, caller.Name, tech);
            }
            else
            {
                resources.Add(resource);
            }
        }

        var claim = DialClaim.Begin(caller);
        var started = env.Time.GetTimestamp();
        bool music = dial.HasOption('m');
        var attempt = new DialAttempt(env, caller, dial.HasOption('r')) { MusicOnHold = music };
        var causes = new List<int>();
        try
        {
            if (targets.Count > 0)
            {
                await env.RunOnKeyAsync(caller.CallKey, () => attempt.Start(targets)).ConfigureAwait(false);
            }

            var ringing = new List<(LocalChannel One, string Resource)>(resources.Count);
            foreach (var resource in resources)
            {
                if (LocalTargets.Start(env, caller, resource) is { } one)
                {
                    env.Channels.NotifyDialBegin(caller, one, "Local/" + resource);
                    ringing.Add((one, resource));
                }
                else
                {
                    causes.Add(HangupCauseMapper.ChannelUnavailable);
                }
            }

            if (attempt.LegCount == 0 && ringing.Count == 0)
            {
                CallLog.NoContacts(env.Log, caller.Name, args);
                vars.Set("DIALSTATUS", "CHANUNAVAIL");
                caller.HangupCause = HangupCauseMapper.SubscriberAbsent;
                return AppResult.Continue;
            }

            await env.RunOnKeyAsync(caller.CallKey, () => IndicateStart(caller, dial, music)).ConfigureAwait(false);
            LocalChannel? localWinner = await WaitForOutcomeAsync(env, caller, dial, attempt, claim, attempt.LegCount > 0, ringing).ConfigureAwait(false);
            vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
            if (attempt.Winner is { } pjsipWinner)
            {
                HangupLocals(env, caller, ringing, null, HangupCauseMapper.AnsweredElsewhere, "CANCEL");
                vars.Set("DIALSTATUS", "ANSWER");
                vars.Set("DIALEDPEERNAME", pjsipWinner.Name);
                var answeredAt = env.Time.GetTimestamp();
                await Task.WhenAny(caller.HungUp, pjsipWinner.HungUp).ConfigureAwait(false);
                bool callerLeft = caller.IsHungUp;
                await env.RunOnKeyAsync(caller.CallKey, () => attempt.Finish(HangupCauseMapper.NormalClearing)).ConfigureAwait(false);
                vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
                return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
            }

            // A Local target won: the PJSIP legs still ringing lost to its answer ("Call completed elsewhere").
            await env.RunOnKeyAsync(caller.CallKey, () => attempt.CancelAll(answeredElsewhere: localWinner is not null)).ConfigureAwait(false);
            if (localWinner is not null)
            {
                env.Channels.NotifyDialEnd(caller, localWinner, "ANSWER");
                HangupLocals(env, caller, ringing, localWinner, HangupCauseMapper.AnsweredElsewhere, "CANCEL");
                vars.Set("DIALSTATUS", "ANSWER");
                vars.Set("DIALEDPEERNAME", localWinner.Name);
                var answeredAt = env.Time.GetTimestamp();
                var bridge = await LocalTargets.BridgeAsync(env, caller, localWinner).ConfigureAwait(false);
                await Task.WhenAny(caller.HungUp, localWinner.HungUp).ConfigureAwait(false);
                bool callerLeft = caller.IsHungUp;
                localWinner.HangupPair(HangupCauseMapper.NormalClearing);
                await LocalTargets.UnbridgeAsync(env, caller, bridge).ConfigureAwait(false);
                vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
                return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
            }

            if (targets.Count > 0)
            {
                await env.RunOnKeyAsync(caller.CallKey, () => causes.AddRange(attempt.FailureCauses)).ConfigureAwait(false);
            }

            foreach (var (one, _) in ringing)
            {
                if (one.IsHungUp)
                {
                    causes.Add(MixedDialStatus.LocalCause(one.HangupCause));
                }
            }

            bool allFailed = (attempt.LegCount == 0 || attempt.Decided.IsCompleted) && ringing.TrueForAll(l => l.One.IsHungUp);
            string status = MixedDialStatus.Of(caller.IsHungUp, allFailed, causes);
            await env.RunOnKeyAsync(caller.CallKey, caller.StopMusicOnHold).ConfigureAwait(false);
            HangupLocals(env, caller, ringing, null, caller.IsHungUp ? HangupCauseMapper.NormalClearing : HangupCauseMapper.NoAnswer, caller.IsHungUp ? "CANCEL" : "NOANSWER");
            vars.Set("DIALSTATUS", status);
            vars.Set("ANSWEREDTIME", "0");
            if (!caller.IsHungUp)
            {
                caller.HangupCause = MixedDialStatus.CauseOf(status);
            }

            return caller.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }
        finally
        {
            DialClaim.End(caller, claim);
            caller.Application = string.Empty;
        }
    }

    /// <summary>Options r (ringing at once) and m[(class)] (hold music as early media until an answer).</summary>
    private static void IndicateStart(PjsipChannel caller, DialString dial, bool music)
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
    }

    /// <summary>Waits for the first answer, for every target to fail, for the caller to leave or for the timeout.</summary>
    private static async Task<LocalChannel?> WaitForOutcomeAsync(CallEnvironment env, PjsipChannel caller, DialString dial, DialAttempt attempt, DialClaim claim, bool hasPjsip, List<(LocalChannel One, string Resource)> locals)
    {
        using var ringTimer = new CancellationTokenSource();
        Task timeout = dial.Timeout is { } t ? Task.Delay(t, env.Time, ringTimer.Token) : Task.Delay(Timeout.Infinite, ringTimer.Token);
        try
        {
            while (true)
            {
                if (attempt.Winner is not null)
                {
                    return null;
                }

                foreach (var (one, _) in locals)
                {
                    // A Local side answered: its own Dial won the claim, or its dialplan answered by itself
                    // (then it takes the claim now). If a PJSIP leg holds the claim, its Winner follows at once.
                    if (one.Answered.IsCompleted && !one.IsHungUp && !ReferenceEquals(claim.Owner, attempt))
                    {
                        claim.Take(one);
                        return one;
                    }
                }

                bool pjsipDone = !hasPjsip || attempt.Decided.IsCompleted;
                if (caller.IsHungUp || timeout.IsCompleted || (pjsipDone && locals.TrueForAll(l => l.One.IsHungUp)))
                {
                    return null;
                }

                var waits = new List<Task> { caller.HungUp, timeout };
                if (!pjsipDone)
                {
                    waits.Add(attempt.Decided);
                }

                foreach (var (one, _) in locals)
                {
                    if (!one.IsHungUp)
                    {
                        if (!one.Answered.IsCompleted)
                        {
                            waits.Add(one.Answered);
                        }

                        waits.Add(one.HungUp);
                    }
                }

                await Task.WhenAny(waits).ConfigureAwait(false);
            }
        }
        finally
        {
            await ringTimer.CancelAsync().ConfigureAwait(false);
        }
    }

    private static void HangupLocals(CallEnvironment env, PjsipChannel caller, List<(LocalChannel One, string Resource)> locals, LocalChannel? keep, int cause, string status)
    {
        foreach (var (one, _) in locals)
        {
            if (ReferenceEquals(one, keep))
            {
                continue;
            }

            bool wasUp = !one.IsHungUp;
            one.HangupPair(cause);
            env.Channels.NotifyDialEnd(caller, one, wasUp ? status : HangupCauseMapper.DialStatus(MixedDialStatus.LocalCause(one.HangupCause)));
        }
    }

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
