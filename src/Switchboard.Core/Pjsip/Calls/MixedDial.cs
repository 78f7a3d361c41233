using System.Globalization;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Dialplan.Applications;

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
        var locals = new List<(LocalChannel One, string Resource)>();
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
                locals.Add((null!, resource));
            }
        }

        var claim = DialClaim.Begin(caller);
        var started = env.Time.GetTimestamp();
        var attempt = new DialAttempt(env, caller, dial.HasOption('r'));
        try
        {
            if (targets.Count > 0)
            {
                await env.RunOnKeyAsync(caller.CallKey, () => attempt.Start(targets)).ConfigureAwait(false);
            }

            for (int i = 0; i < locals.Count; i++)
            {
                locals[i] = (StartLocal(env, caller, locals[i].Resource), locals[i].Resource);
            }

            if (targets.Count == 0 && locals.Count == 0)
            {
                CallLog.NoContacts(env.Log, caller.Name, args);
                vars.Set("DIALSTATUS", "CHANUNAVAIL");
                caller.HangupCause = HangupCauseMapper.SubscriberAbsent;
                return AppResult.Continue;
            }

            LocalChannel? localWinner = await WaitForOutcomeAsync(env, caller, dial, attempt, claim, targets.Count > 0, locals).ConfigureAwait(false);
            vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
            if (attempt.Winner is { } pjsipWinner)
            {
                HangupLocals(env, caller, locals, null, "CANCEL");
                vars.Set("DIALSTATUS", "ANSWER");
                vars.Set("DIALEDPEERNAME", pjsipWinner.Name);
                var answeredAt = env.Time.GetTimestamp();
                await Task.WhenAny(caller.HungUp, pjsipWinner.HungUp).ConfigureAwait(false);
                bool callerLeft = caller.IsHungUp;
                await env.RunOnKeyAsync(caller.CallKey, () => attempt.Finish(HangupCauseMapper.NormalClearing)).ConfigureAwait(false);
                vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
                return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
            }

            await env.RunOnKeyAsync(caller.CallKey, attempt.CancelAll).ConfigureAwait(false);
            if (localWinner is not null)
            {
                env.Channels.NotifyDialEnd(caller, localWinner, "ANSWER");
                HangupLocals(env, caller, locals, localWinner, "CANCEL");
                vars.Set("DIALSTATUS", "ANSWER");
                vars.Set("DIALEDPEERNAME", localWinner.Name);
                var answeredAt = env.Time.GetTimestamp();
                await Task.WhenAny(caller.HungUp, localWinner.HungUp).ConfigureAwait(false);
                bool callerLeft = caller.IsHungUp;
                localWinner.HangupPair(HangupCauseMapper.NormalClearing);
                vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
                return !callerLeft && dial.HasOption('g') ? AppResult.Continue : AppResult.Hangup;
            }

            // Nobody answered: busy anywhere wins, then the PJSIP legs' cause, then the Local sides' causes.
            int cause = targets.Count > 0 && attempt.Decided.IsCompleted ? attempt.FailureCause : 0;
            foreach (var (one, _) in locals)
            {
                if (one.IsHungUp && one.HangupCause != 0 && cause != HangupCauseMapper.UserBusy)
                {
                    cause = one.HangupCause == HangupCauseMapper.NormalClearing ? (cause == 0 ? HangupCauseMapper.ChannelUnavailable : cause) : one.HangupCause;
                }
            }

            bool allFailed = (targets.Count == 0 || attempt.Decided.IsCompleted) && locals.TrueForAll(l => l.One.IsHungUp);
            string status = caller.IsHungUp ? "CANCEL" : allFailed ? HangupCauseMapper.DialStatus(cause == 0 ? HangupCauseMapper.ChannelUnavailable : cause) : "NOANSWER";
            HangupLocals(env, caller, locals, null, caller.IsHungUp ? "CANCEL" : "NOANSWER");
            vars.Set("DIALSTATUS", status);
            vars.Set("ANSWEREDTIME", "0");
            if (!caller.IsHungUp)
            {
                caller.HangupCause = status switch
                {
                    "BUSY" => HangupCauseMapper.UserBusy,
                    "NOANSWER" => HangupCauseMapper.NoAnswer,
                    "CHANUNAVAIL" => HangupCauseMapper.SubscriberAbsent,
                    _ => HangupCauseMapper.Congestion,
                };
            }

            return caller.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }
        finally
        {
            DialClaim.End(caller, claim);
            caller.Application = string.Empty;
        }
    }

    /// <summary>Creates the pair for one Local target and runs its ;2 side (the Dial there rings for the caller).</summary>
    private static LocalChannel StartLocal(CallEnvironment env, PjsipChannel caller, string resource)
    {
        LocalChannel.TryParseResource(resource, out var exten, out var context);
        var (one, two) = LocalChannel.CreatePair(env.Channels, exten, context, env.Time);
        two.OptimizedCaller = caller;
        one.CallerId = caller.CallerId;
        two.CallerId = caller.CallerId;
        one.LinkedId = caller.LinkedId;
        two.LinkedId = caller.LinkedId;
        env.Channels.Add(one);
        env.Channels.Add(two);
        env.Channels.NotifyDialBegin(caller, one, "Local/" + resource);
        _ = RunLocalSideAsync(env, two, context, exten);
        return one;
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

    private static void HangupLocals(CallEnvironment env, PjsipChannel caller, List<(LocalChannel One, string Resource)> locals, LocalChannel? keep, string status)
    {
        foreach (var (one, _) in locals)
        {
            if (ReferenceEquals(one, keep))
            {
                continue;
            }

            bool wasUp = !one.IsHungUp;
            one.HangupPair(HangupCauseMapper.NormalClearing);
            env.Channels.NotifyDialEnd(caller, one, wasUp ? status : HangupCauseMapper.DialStatus(one.HangupCause == 0 ? HangupCauseMapper.NoAnswer : one.HangupCause));
        }
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

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
