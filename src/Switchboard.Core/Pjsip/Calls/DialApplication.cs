using System.Globalization;
using Switchboard.Core.Channels;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// Dial(PJSIP/ep[&amp;...][,timeout[,options]]): forks to every contact, passes ringing and early media to the caller,
/// bridges the first answer and waits until either side hangs up. Sets DIALSTATUS (ANSWER, BUSY, NOANSWER, CANCEL,
/// CONGESTION, CHANUNAVAIL), DIALEDTIME, ANSWEREDTIME and DIALEDPEERNAME. Options: r (ring at once), g (go on in
/// the dialplan when the callee hangs up), m[(class)] (music on hold to the caller until an answer, as early media);
/// t and T are accepted. Dial(Local/exten@context[/n]) as the only device runs <see cref="LocalDial"/>, mixed with
/// other devices <see cref="MixedDial"/>; a Local ;2 half dialled that way may itself Dial PJSIP devices on behalf of
/// its PJSIP caller, and the ;2 half of an originated Local pair Dials for the pair (<see cref="LocalOriginDial"/>).
/// </summary>
internal sealed class DialApplication(CallEnvironment env) : IDialplanApplication
{
    public string Name => "Dial";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        if (!DialString.TryParse(args, out var dial, out var error))
        {
            return AppResult.Error(error!);
        }

        // The channel running Dial: a PJSIP channel, or the ;2 half of a Local pair a PJSIP caller dialled (the
        // PJSIP caller then takes part in the call directly: Local optimisation).
        var self = context.Channel as Channels.Channel;
        if (self is Local.LocalChannel { Half: 2, OptimizedCaller: null } origin)
        {
            // The ;2 half of an originated pair: no PJSIP caller, the devices ring for the pair itself.
            origin.Application = "Dial";
            origin.ApplicationData = args;
            origin.Variables.Set("DIALSTATUS", string.Empty);
            var outcome = await LocalOriginDial.RunAsync(env, origin, dial, args, cancellationToken).ConfigureAwait(false);
            origin.Application = string.Empty;
            return outcome;
        }

        var caller = context.Channel as PjsipChannel ?? (context.Channel as Local.LocalChannel)?.OptimizedCaller;
        if (self is null || caller is null)
        {
            return AppResult.Error("Dial: only PJSIP channels (or Local channels dialled from one) can dial");
        }

        self.Application = "Dial";
        self.ApplicationData = args;
        var vars = self.Variables;
        vars.Set("DIALSTATUS", string.Empty);
        if (ReferenceEquals(self, caller) && dial.Devices.Count == 1 && dial.Devices[0].Technology.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            var result = await LocalDial.RunAsync(env, caller, dial.Devices[0].Resource, dial).ConfigureAwait(false);
            caller.Application = string.Empty;
            return result;
        }

        if (ReferenceEquals(self, caller) && dial.Devices.Count > 1 && HasLocal(dial))
        {
            return await MixedDial.RunAsync(env, caller, dial, args, cancellationToken).ConfigureAwait(false);
        }

        var targets = new List<DialTarget>();
        foreach (var (tech, resource) in dial.Devices)
        {
            if (!tech.Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
            {
                CallLog.UnsupportedTechnology(env.Log, caller.Name, tech);
                continue;
            }

            foreach (var t in await DialTargetResolver.ResolveAsync(env, resource, cancellationToken).ConfigureAwait(false))
            {
                targets.Add(t with { Dialed = resource });
            }
        }

        if (targets.Count == 0)
        {
            CallLog.NoContacts(env.Log, self.Name, args);
            vars.Set("DIALSTATUS", "CHANUNAVAIL");
            self.HangupCause = HangupCauseMapper.SubscriberAbsent;
            return AppResult.Continue;
        }

        var started = env.Time.GetTimestamp();
        var attempt = new DialAttempt(env, caller, dial.HasOption('r')) { MusicOnHold = dial.HasOption('m'), Dialer = self };
        await env.RunOnKeyAsync(caller.CallKey, () =>
        {
            attempt.Start(targets);
            if (attempt.MusicOnHold && attempt.LegCount > 0 && attempt.Winner is null && !caller.IsHungUp)
            {
                // m[(class)]: hold music to the caller until an answer, sent as early media after a 183.
                caller.Indicate(ChannelIndication.Progress);
                caller.StartMusicOnHold(MusicClass(dial.Options), out _);
            }
        }).ConfigureAwait(false);

        using var ringTimer = new CancellationTokenSource();
        var waits = new List<Task> { attempt.Decided, caller.HungUp, self.HungUp };
        if (dial.Timeout is { } timeout)
        {
            waits.Add(Task.Delay(timeout, env.Time, ringTimer.Token));
        }

        await Task.WhenAny(waits).ConfigureAwait(false);
        await ringTimer.CancelAsync().ConfigureAwait(false);

        string status = string.Empty;
        await env.RunOnKeyAsync(caller.CallKey, () =>
        {
            caller.StopMusicOnHold();
            if (attempt.Winner is not null)
            {
                status = "ANSWER";
                return;
            }

            // A Local ;2 half hung up because another target of its caller's mixed Dial answered: its legs lost
            // to that answer (Asterisk passes AST_CAUSE_ANSWERED_ELSEWHERE through the Local pair).
            attempt.CancelAll(self.HangupCause == HangupCauseMapper.AnsweredElsewhere);
            status = caller.IsHungUp || self.IsHungUp ? "CANCEL" : attempt.Decided.IsCompleted ? HangupCauseMapper.DialStatus(attempt.FailureCause) : "NOANSWER";
        }).ConfigureAwait(false);

        vars.Set("DIALSTATUS", status);
        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        if (attempt.Winner is not { } winner)
        {
            vars.Set("ANSWEREDTIME", "0");
            self.Application = string.Empty;
            if (!self.IsHungUp)
            {
                self.HangupCause = status switch
                {
                    "BUSY" => HangupCauseMapper.UserBusy,
                    "NOANSWER" => HangupCauseMapper.NoAnswer,
                    "CHANUNAVAIL" => HangupCauseMapper.SubscriberAbsent,
                    _ => HangupCauseMapper.Congestion,
                };
            }

            return self.IsHungUp ? AppResult.Hangup : AppResult.Continue;
        }

        vars.Set("DIALEDPEERNAME", winner.Name);
        (self as Local.LocalChannel)?.Answer();
        var answeredAt = env.Time.GetTimestamp();
        await Task.WhenAny(caller.HungUp, winner.HungUp, self.HungUp).ConfigureAwait(false);
        bool callerLeft = caller.IsHungUp || self.IsHungUp;
        await env.RunOnKeyAsync(caller.CallKey, () => attempt.Finish(HangupCauseMapper.NormalClearing)).ConfigureAwait(false);
        vars.Set("ANSWEREDTIME", Seconds(env.Time.GetElapsedTime(answeredAt)));
        vars.Set("DIALEDTIME", Seconds(env.Time.GetElapsedTime(started)));
        self.Application = string.Empty;
        if (!callerLeft && dial.HasOption('g'))
        {
            return AppResult.Continue;
        }

        return AppResult.Hangup;
    }

    private static bool HasLocal(DialString dial)
    {
        foreach (var (tech, _) in dial.Devices)
        {
            if (tech.Equals("Local", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The class of an m(class) option; null for plain m.</summary>
    internal static string? MusicClass(string options)
    {
        int m = options.IndexOf("m(", StringComparison.Ordinal);
        if (m < 0)
        {
            return null;
        }

        int end = options.IndexOf(')', m + 2);
        return end < 0 ? null : options[(m + 2)..end].Trim();
    }

    private static string Seconds(TimeSpan t) => ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
