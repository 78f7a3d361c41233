using Microsoft.Extensions.Logging;
using Switchboard.Core.Channels;
using Switchboard.Core.Local;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Originate;

/// <summary>
/// Places calls for <c>channel originate</c>, AMI Originate and call files: rings the device (PJSIP/...), and once
/// it answers runs the named extension or application on that channel, then hangs it up.
/// </summary>
internal sealed partial class CallOriginator(CallEnvironment env)
{
    /// <summary>Dials and waits for the answer (or the failure); the dialplan then runs in the background.</summary>
    public async Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.TryValidate(out var error))
        {
            return OriginateResult.Failed(HangupCauseMapper.InvalidNumberFormat, error!);
        }

        if (request.Application is { } app && !env.Dialplan.Applications.Contains(app))
        {
            return OriginateResult.Failed(HangupCauseMapper.Interworking, "No such application: " + app);
        }

        int slash = request.Channel.IndexOf('/', StringComparison.Ordinal);
        var tech = request.Channel[..slash];
        var resource = request.Channel[(slash + 1)..];
        if (tech.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            return await OriginateLocalAsync(request, resource, cancellationToken).ConfigureAwait(false);
        }

        if (!tech.Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
        {
            return OriginateResult.Failed(HangupCauseMapper.ChannelUnavailable, "Unsupported channel technology: " + tech);
        }

        var targets = await DialTargetResolver.ResolveAsync(env, resource, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            LogNoContacts(env.Log, request.Channel);
            return OriginateResult.Failed(HangupCauseMapper.SubscriberAbsent, "No contacts for " + request.Channel);
        }

        var callerId = ParseCallerId(request.CallerId);
        var key = "originate-" + Guid.NewGuid().ToString("N");
        var attempt = new OriginateAttempt(env, request, callerId, key);
        await env.RunOnKeyAsync(key, () => attempt.Start(targets)).ConfigureAwait(false);
        using (var ring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            await Task.WhenAny(attempt.Decided, Task.Delay(request.Timeout, env.Time, ring.Token)).ConfigureAwait(false);
            await ring.CancelAsync().ConfigureAwait(false);
        }

        PjsipOutboundChannel? winner = null;
        await env.RunOnKeyAsync(key, () =>
        {
            winner = attempt.Winner;
            if (winner is null)
            {
                attempt.CancelAll();
            }
        }).ConfigureAwait(false);
        if (winner is null)
        {
            LogFailed(env.Log, request.Channel, attempt.FailureCause);
            return OriginateResult.Failed(attempt.FailureCause, HangupCauseMapper.DialStatus(attempt.FailureCause));
        }

        LogAnswered(env.Log, request.Channel, winner.Name);
        _ = RunAsync(winner, request);
        return new OriginateResult(true, winner.Name, winner.UniqueId, 0, "Answered");
    }

    /// <summary>Local/exten@context: ;2 runs the dialplan there; once it answers, ;1 runs the request's extension or application.</summary>
    private async Task<OriginateResult> OriginateLocalAsync(OriginateRequest request, string resource, CancellationToken cancellationToken)
    {
        if (!LocalChannel.TryParseResource(resource, out var exten, out var context))
        {
            return OriginateResult.Failed(HangupCauseMapper.InvalidNumberFormat, "Local channel needs exten@context");
        }

        var callerId = ParseCallerId(request.CallerId);
        var (one, two) = LocalChannel.CreatePair(env.Channels, exten, context, env.Time);
        foreach (var half in new[] { one, two })
        {
            half.CallerId = callerId;
            if (request.Account.Length > 0)
            {
                half.AccountCode = request.Account;
            }

            SetVariables(env.Dialplan, half, request.Variables);
        }

        one.RunsOwnDialplan = true;
        OutgoingLine.MarkOriginated(one);
        one.Context = request.Context ?? string.Empty;
        one.Exten = request.Exten ?? "s";
        one.Priority = request.Priority;
        env.Channels.Add(one);
        env.Channels.Add(two);
        _ = RunLocalSideAsync(two, context, exten);
        using (var ring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            await Task.WhenAny(one.Answered, one.HungUp, Task.Delay(request.Timeout, env.Time, ring.Token)).ConfigureAwait(false);
            await ring.CancelAsync().ConfigureAwait(false);
        }

        if (!one.Answered.IsCompleted || one.IsHungUp)
        {
            int cause = one.IsHungUp && one.HangupCause != 0 ? one.HangupCause : HangupCauseMapper.NoAnswer;
            one.HangupPair(cause);
            LogFailed(env.Log, request.Channel, cause);
            return OriginateResult.Failed(cause, HangupCauseMapper.DialStatus(cause));
        }

        LogAnswered(env.Log, request.Channel, one.Name);
        _ = RunAsync(one, request);
        return new OriginateResult(true, one.Name, one.UniqueId, 0, "Answered");
    }

    private async Task RunLocalSideAsync(LocalChannel two, string context, string exten)
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
            two.HangupLocalSide(two.HangupCause != 0 ? two.HangupCause : HangupCauseMapper.NormalClearing);
        }
    }

    private async Task RunAsync(Channel channel, OriginateRequest request)
    {
        try
        {
            if (request.Application is { } name && env.Dialplan.Applications.TryGet(name, out var application))
            {
                channel.Application = application.Name;
                channel.ApplicationData = request.Data;
                channel.LastApplication = application.Name;
                channel.LastApplicationData = request.Data;
                var state = new DialplanContext(env.Dialplan, channel, channel.Context, channel.Exten, 1);
                await application.ExecuteAsync(state, request.Data, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await env.Dialplan.RunAsync(channel, request.Context ?? "default", request.Exten ?? "s", request.Priority).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            CallLog.DialplanFailed(env.Log, e, channel.Name);
        }
        finally
        {
            if (!channel.IsHungUp)
            {
                await channel.HangupAsync(HangupCauseMapper.NormalClearing, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Originate/call-file variables: plain names are channel variables, <c>FUNC(args)</c> names write the function
    /// (pbx_builtin_setvar_helper does the same, so a call file's <c>Setvar: MESSAGE(body)=...</c> fills the message).
    /// </summary>
    internal static void SetVariables(DialplanEngine dialplan, Channel channel, IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (name.EndsWith(')'))
            {
                new DialplanContext(dialplan, channel, channel.Context, channel.Exten).SetVariable(name, value);
            }
            else
            {
                channel.Variables.Set(name, value);
            }
        }
    }

    internal static CallerIdInfo ParseCallerId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CallerIdInfo.Empty;
        }

        var (name, number) = CallerIdInfo.ParseAll(text);
        return new CallerIdInfo(number, name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Originate {Channel}: no contacts to call")]
    private static partial void LogNoContacts(ILogger log, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Originate {Channel}: not answered (cause {Cause})")]
    private static partial void LogFailed(ILogger log, string channel, int cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Originate {Channel}: answered on {Name}")]
    private static partial void LogAnswered(ILogger log, string channel, string name);
}
