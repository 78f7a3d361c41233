using Microsoft.Extensions.Logging;
using Switchboard.Common.Threading;
using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip;
using Switchboard.Config.Rtp;
using Switchboard.Dialplan.Loading;
using Switchboard.Core.Channels;
using Switchboard.Core.Cli;
using Switchboard.Core.Hints;
using Switchboard.Core.Originate;
using Switchboard.Dialplan.Execution;
using Switchboard.Sip.Messages;
using Switchboard.Transport.Rtp;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// The PJSIP channel driver (chan_pjsip) attached to a running <see cref="PjsipService"/>: INVITE/CANCEL/BYE handling,
/// inbound channels running the dialplan, the Dial application and PJSIP dialplan functions, RTP relaying from
/// rtp.conf's port range, and the channel CLI commands.
/// </summary>
public sealed class CallService
{
    private readonly CallEnvironment _env;
    private readonly CallOriginator _originator;
    private readonly HintSubscriptionService _hints;

    private CallService(CallEnvironment env, HintSubscriptionService hints)
    {
        _env = env;
        _hints = hints;
        _originator = new CallOriginator(env);
    }

    /// <summary>Serves SUBSCRIBE Event: message-summary from these mailbox counts (MWI).</summary>
    public void UseMessageWaiting(Switchboard.Core.Voicemail.MessageWaitingState state) => _hints.MessageWaiting = state;

    /// <summary>Live BLF subscriptions (SUBSCRIBE dialog/presence to hints).</summary>
    public int HintSubscriptions => _hints.Count;

    /// <summary>The dialplan the channels run.</summary>
    public DialplanEngine Dialplan => _env.Dialplan;

    /// <summary>Places a call (channel originate, AMI Originate, call files); completes when it answered or failed.</summary>
    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
        => _originator.OriginateAsync(request, cancellationToken);

    /// <summary>A variable or function value (<c>CALLERID(num)</c>) of a live channel; null when no such channel.</summary>
    public string? GetVariable(string channelName, string name)
    {
        if (!_env.Channels.TryGet(channelName, out var channel))
        {
            return null;
        }

        var state = new DialplanContext(_env.Dialplan, channel, channel.Context, channel.Exten, channel.Priority);
        return Switchboard.Dialplan.Substitution.Template.Parse("${" + name + "}").Render(state);
    }

    /// <summary>Sets a variable or writes a function (as Set() does) on a live channel; false when no such channel.</summary>
    public async Task<bool> SetVariableAsync(string channelName, string name, string value)
    {
        if (!_env.Channels.TryGet(channelName, out var channel) || !_env.Dialplan.Applications.TryGet("Set", out var set))
        {
            return false;
        }

        var state = new DialplanContext(_env.Dialplan, channel, channel.Context, channel.Exten, channel.Priority);
        await set.ExecuteAsync(state, name + "=" + value, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    /// <summary>All live channels.</summary>
    public ChannelRegistry Channels => _env.Channels;

    /// <summary>
    /// Wires calls into <paramref name="pjsip"/> and <paramref name="dialplan"/>: registers the INVITE, CANCEL and BYE
    /// handlers and the ACK route on the SIP stack, and Dial plus PJSIP_DIAL_CONTACTS, PJSIP_ENDPOINT and
    /// DEVICE_STATE support in the dialplan.
    /// </summary>
    /// <param name="media">Prompts, music on hold and rtp_timeout (null: channels play nothing).</param>
    public static CallService Attach(PjsipService pjsip, DialplanEngine dialplan, RtpConfig rtp, ILoggerFactory loggers, TimeProvider? time = null, ChannelMediaOptions? media = null)
    {
        ArgumentNullException.ThrowIfNull(pjsip);
        ArgumentNullException.ThrowIfNull(dialplan);
        ArgumentNullException.ThrowIfNull(loggers);
        time ??= TimeProvider.System;
        var log = loggers.CreateLogger("pjsip.calls");
        var env = new CallEnvironment
        {
            Stack = pjsip.Stack,
            Runtime = pjsip.Runtime,
            Location = pjsip.Location,
            Dialplan = dialplan,
            Channels = new ChannelRegistry(time),
            Media = new CallMedia(rtp ?? RtpConfig.Default, new UdpRtpSocketFactory(), loggers, time),
            Serializer = new KeyedSerializer<string>(StringComparer.Ordinal, log),
            Time = time,
            Log = log,
            MediaOptions = media,
        };
        var router = pjsip.Stack.Router;
        router.Register(SipMethod.Invite, new InviteHandler(env, pjsip.Identifier, pjsip.Authenticator));
        router.Register(SipMethod.Cancel, new CancelHandler(env));
        var inDialog = new InDialogRequests(env);
        router.Register(SipMethod.Bye, inDialog);
        router.Register(SipMethod.Info, inDialog);
        var previousAck = router.AckHandler;
        router.AckHandler = (ack, peer, tx) =>
        {
            InDialogRequests.OnAck(env, ack);
            previousAck?.Invoke(ack, peer, tx);
        };
        dialplan.Applications.Register(new DialApplication(env));
        dialplan.Applications.Register(new MusicOnHoldApplication());
        dialplan.ApplicationStarting = TrackApplication;
        PjsipFunctions.Register(env, dialplan);
        if (!dialplan.Functions.Contains("CDR"))
        {
            dialplan.Functions.Register(new Switchboard.Core.Cdr.CdrFunction());
        }
        var hints = new HintSubscriptionService(env, pjsip.Identifier, pjsip.Authenticator);
        router.Register(SipMethod.Subscribe, hints);
        env.Channels.AddObserver(hints);
        return new CallService(env, hints);
    }

    /// <summary>
    /// A dialplan engine with <paramref name="extensions"/> (extensions.conf) published; each diagnostic is passed to
    /// <paramref name="report"/>. With errors or no file the dialplan is empty.
    /// </summary>
    public static DialplanEngine CreateDialplan(ConfDocument? extensions, ILoggerFactory loggers, TimeProvider time, Action<string> report, PjsipConfig? pjsip = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(report);
        var engine = new DialplanEngine(time: time, logger: loggers.CreateLogger("dialplan"));
        ReloadDialplan(engine, extensions, report, pjsip);
        return engine;
    }

    /// <summary>Loads extensions.conf into <paramref name="engine"/>; false (old dialplan kept) when it has errors.</summary>
    public static bool ReloadDialplan(DialplanEngine engine, ConfDocument? extensions, Action<string> report, PjsipConfig? pjsip = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(report);
        if (extensions is null)
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        var hints = pjsip is null ? [] : pjsip.Hints.Select(h => new HintDefinition(h.Exten, h.Context, h.Device, h.WizardName)).ToList();
        var snapshot = DialplanLoader.Load(extensions, diagnostics, new DialplanLoadOptions { ExtraHints = hints });
        foreach (var d in diagnostics.Items)
        {
            report(d.ToString());
        }

        if (diagnostics.HasErrors)
        {
            return false;
        }

        engine.Publish(snapshot);
        return true;
    }

    /// <summary>Adds a lifecycle observer of every channel (AMI channel events, CDR, hints).</summary>
    public void Observe(IChannelObserver observer) => _env.Channels.AddObserver(observer);

    /// <summary>Where the dialplan is on a channel (core show channels, AMI snapshots, CDR lastapp/lastdata).</summary>
    private static void TrackApplication(DialplanContext state, string application, string data)
    {
        if (state.Channel is Channel channel)
        {
            channel.Context = state.Context;
            channel.Exten = state.Exten;
            channel.Priority = state.Priority;
            channel.Application = application;
            channel.ApplicationData = data;
            channel.LastApplication = application;
            channel.LastApplicationData = data;
        }
    }

    /// <summary>rtp.conf was reloaded.</summary>
    public void ReloadRtp(RtpConfig rtp) => _env.Media.Reload(rtp);

    /// <summary>core show channels [concise|verbose], core show calls, channel request hangup, pjsip show channels.</summary>
    public void RegisterCli(CliCommandRegistry cli)
    {
        ChannelCliCommands.Register(cli, _env.Channels, _env.Time, HangupAsync);
        OriginateCliCommand.Register(cli, OriginateAsync);
        cli.Register(CliCommand.Sync("core show hints", "Show dialplan hints", (_, o) =>
        {
            var output = Switchboard.Dialplan.Cli.HintsShow.Render(
                _env.Dialplan.Current,
                device => _env.Dialplan.DeviceStates?.GetDeviceState(device) ?? "UNKNOWN",
                hint => _hints.Watchers(hint.Exten, hint.Context));
            o.Write(output.Text);
        }));
    }

    /// <summary>Hangs up a channel by name (soft hangup as the CLI requests it). False when no such channel.</summary>
    public Task<bool> HangupAsync(string name) => HangupAsync(name, HangupCauseMapper.NormalClearing);

    /// <summary>Hangs up a channel by name with <paramref name="cause"/>. False when no such channel.</summary>
    public async Task<bool> HangupAsync(string name, int cause)
    {
        if (!_env.Channels.TryGet(name, out var channel))
        {
            return false;
        }

        await channel.HangupAsync(cause, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
