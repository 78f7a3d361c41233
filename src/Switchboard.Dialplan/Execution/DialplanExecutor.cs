using Switchboard.Dialplan.Applications;

namespace Switchboard.Dialplan.Execution;

/// <summary>
/// The PBX loop (Asterisk's __ast_pbx_run): find the priority, substitute its arguments, run its application,
/// follow the result; send unknown extensions to <c>i</c>, fall off the end per autofallthrough, collect
/// digits after Background/WaitExten, stop after the step budget, and run the <c>h</c> extension at the end.
/// Hang-up is seen through <see cref="IDialplanChannel.IsHungUp"/>; a cancelled token on a channel that is still
/// up means shutdown (<see cref="DialplanExitReason.Cancelled"/>, no h extension).
/// </summary>
internal sealed class DialplanExecutor(DialplanEngine engine)
{
    private const int MaxCollectedDigits = 255;

    public async Task<DialplanExitReason> RunAsync(DialplanContext state, CancellationToken cancellationToken)
    {
        var start = state.Location;
        var reason = await RunLoopAsync(state, isHangupHandler: false, cancellationToken).ConfigureAwait(false);
        DialplanLog.Exited(engine.Logger, start.Context, start.Exten, start.Priority, state.Channel.Name, reason);
        if (reason == DialplanExitReason.Cancelled)
        {
            return reason;
        }

        if (!state.Channel.IsHungUp)
        {
            var cause = state.Channel.HangupCause == 0 ? 16 : state.Channel.HangupCause;
            await state.Channel.HangupAsync(cause, cancellationToken).ConfigureAwait(false);
        }

        if (state.Dialplan.Exists(state.Context, "h", 1, state.CallerNumber, engine.Time))
        {
            state.Exten = "h";
            state.Priority = 1;
            state.Steps = 0;

            // A caller that cancels the token when the channel hangs up must still get its h extension;
            // it is bounded by the step budget.
            var hToken = cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken;
            await RunLoopAsync(state, isHangupHandler: true, hToken).ConfigureAwait(false);
        }

        return reason;
    }

    private async Task<DialplanExitReason> RunLoopAsync(DialplanContext state, bool isHangupHandler, CancellationToken cancellationToken)
    {
        var channel = state.Channel;
        while (true)
        {
            if (!isHangupHandler && channel.IsHungUp)
            {
                return DialplanExitReason.HungUp;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return DialplanExitReason.Cancelled;
            }

            var dialplan = state.Dialplan;
            if (!dialplan.TryFindPriority(state.Context, state.Exten, state.Priority, state.CallerNumber, engine.Time, out var match))
            {
                if (isHangupHandler)
                {
                    return DialplanExitReason.Fallthrough;
                }

                var next = await HandleMissingPriorityAsync(state, cancellationToken).ConfigureAwait(false);
                if (next is { } exit)
                {
                    return exit;
                }

                continue;
            }

            if (++state.Steps > engine.Options.MaxSteps)
            {
                DialplanLog.StepBudgetExceeded(engine.Logger, channel.Name, engine.Options.MaxSteps, state.Exten, state.Context, state.Priority);
                return DialplanExitReason.StepBudgetExceeded;
            }

            var priority = match.Priority;
            if (!engine.Applications.TryGet(priority.Application, out var application))
            {
                DialplanLog.ApplicationNotFound(engine.Logger, priority.Application, state.Context, state.Exten, state.Priority, channel.Name);
                return DialplanExitReason.ApplicationNotFound;
            }

            var args = priority.Args.Render(state);
            DialplanLog.Executing(engine.Logger, state.Exten, state.Context, state.Priority, priority.Application, channel.Name, args);
            state.CurrentApplication = application.Name;
            engine.ApplicationStarting?.Invoke(state, application.Name, args);
            AppResult result;
            try
            {
                result = await application.ExecuteAsync(state, args, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return channel.IsHungUp && !isHangupHandler ? DialplanExitReason.HungUp : DialplanExitReason.Cancelled;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An application bug must not take the PBX down: the call ends as if the application failed.
                DialplanLog.ApplicationThrew(engine.Logger, e, priority.Application, channel.Name, state.Exten, state.Context, state.Priority);
                return DialplanExitReason.ApplicationError;
            }

            switch (result.Kind)
            {
                case AppResultKind.Continue:
                    state.Priority++;
                    break;
                case AppResultKind.Goto:
                    state.Context = result.Target.Context;
                    state.Exten = result.Target.Exten;
                    state.Priority = result.Target.Priority;
                    break;
                case AppResultKind.Hangup:
                    return channel.IsHungUp && !isHangupHandler ? DialplanExitReason.HungUp : DialplanExitReason.HangupApplication;
                case AppResultKind.Error:
                    DialplanLog.ApplicationFailed(engine.Logger, priority.Application, channel.Name, state.Exten, state.Context, state.Priority, result.Message ?? "error");
                    return DialplanExitReason.ApplicationError;
                case AppResultKind.CollectDigits:
                    if (isHangupHandler)
                    {
                        state.Priority++;
                        break;
                    }

                    if (await CollectDigitsAsync(state, result.Digits ?? string.Empty, result.DigitContext, cancellationToken).ConfigureAwait(false) is { } stop)
                    {
                        return stop;
                    }

                    break;
            }
        }
    }

    /// <summary>The priority does not exist: invalid extension (to <c>i</c>) or the end of the extension (fallthrough).</summary>
    private async ValueTask<DialplanExitReason?> HandleMissingPriorityAsync(DialplanContext state, CancellationToken cancellationToken)
    {
        var dialplan = state.Dialplan;
        var channel = state.Channel;
        if (!dialplan.Exists(state.Context, state.Exten, 1, state.CallerNumber, engine.Time))
        {
            if (state.Exten != "i" && dialplan.Exists(state.Context, "i", 1, state.CallerNumber, engine.Time))
            {
                channel.Variables.Set("INVALID_EXTEN", state.Exten);
                state.Exten = "i";
                state.Priority = 1;
                return null;
            }

            DialplanLog.InvalidExtension(engine.Logger, channel.Name, state.Context, state.Exten, state.Priority);
            return DialplanExitReason.InvalidExtension;
        }

        if (!dialplan.Settings.AutoFallthrough && state.Exten is not "t" and not "i")
        {
            // Asterisk 1.0 behaviour: wait for the caller to dial another extension (not again after t or i,
            // which would loop for as long as the caller stays silent).
            var digit = await channel.WaitForDigitAsync(state.ResponseTimeout, cancellationToken).ConfigureAwait(false);
            switch (digit.Outcome)
            {
                case DigitOutcome.Digit:
                    return await CollectDigitsAsync(state, digit.Digit.ToString(), null, cancellationToken).ConfigureAwait(false);
                case DigitOutcome.Timeout when state.Exists(state.Context, "t", 1):
                    state.Exten = "t";
                    state.Priority = 1;
                    return null;
                case DigitOutcome.HungUp:
                    return DialplanExitReason.HungUp;
            }

            DialplanLog.NoTimeoutHandler(engine.Logger, channel.Name, state.Context);
            return DialplanExitReason.Fallthrough;
        }

        var status = channel.Variables.Get("DIALSTATUS") ?? "UNKNOWN";
        DialplanLog.AutoFallthrough(engine.Logger, channel.Name, status);
        if (status.Equals("CONGESTION", StringComparison.OrdinalIgnoreCase) || status.Equals("CHANUNAVAIL", StringComparison.OrdinalIgnoreCase))
        {
            await Indications.IndicateAndWaitAsync(state, ChannelIndication.Congestion, engine.Options.IndicationTimeout, cancellationToken).ConfigureAwait(false);
        }
        else if (status.Equals("BUSY", StringComparison.OrdinalIgnoreCase))
        {
            await Indications.IndicateAndWaitAsync(state, ChannelIndication.Busy, engine.Options.IndicationTimeout, cancellationToken).ConfigureAwait(false);
        }

        return DialplanExitReason.Fallthrough;
    }

    /// <summary>
    /// Collects more digits while some extension could still match with more, using the digit timeout; then
    /// jumps to the extension, or to <c>i</c> (with ${INVALID_EXTEN}), or ends the call.
    /// </summary>
    private async ValueTask<DialplanExitReason?> CollectDigitsAsync(DialplanContext state, string digits, string? context, CancellationToken cancellationToken)
    {
        var channel = state.Channel;
        if (!string.IsNullOrEmpty(context))
        {
            state.Context = context;
        }

        var buffer = digits;
        while (buffer.Length < MaxCollectedDigits && state.Dialplan.MatchMore(state.Context, buffer, state.CallerNumber, engine.Time))
        {
            var next = await channel.WaitForDigitAsync(state.DigitTimeout, cancellationToken).ConfigureAwait(false);
            if (next.Outcome == DigitOutcome.HungUp)
            {
                return DialplanExitReason.HungUp;
            }

            if (next.Outcome == DigitOutcome.Timeout)
            {
                break;
            }

            buffer += next.Digit;
        }

        if (state.Exists(state.Context, buffer, 1))
        {
            state.Exten = buffer;
            state.Priority = 1;
            return null;
        }

        if (state.Exists(state.Context, "i", 1))
        {
            channel.Variables.Set("INVALID_EXTEN", buffer);
            state.Exten = "i";
            state.Priority = 1;
            return null;
        }

        DialplanLog.NoInvalidHandler(engine.Logger, buffer, channel.Name, state.Context);
        return DialplanExitReason.InvalidExtension;
    }
}
