using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmRecord(user@domain[,options]): answers, beeps, and records the caller's message into the mailbox's tmp
/// folder until '#', silence (maxsilence), maxmessage or hang-up. Options: g(dB) gain, 0 / * leave to the o / a
/// extension (MVM_RECORD_STATUS=USEREXIT). Sets MVM_RECORD_STATUS (SUCCESS, USEREXIT, FAILED), MVM_FILENAME,
/// MVM_DURATION. A hang-up keeps the message: the h extension mails it (MinivmNotify) as PrivateDial's does.
/// </summary>
internal sealed class MinivmRecordApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmRecord";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var channel = context.Channel;
        var vars = channel.Variables;
        string options = AppArgs.At(a, 1);
        if (!MinivmArgs.TryMailbox(AppArgs.At(a, 0), out var mailbox, out var error))
        {
            return Fail(context, error!);
        }

        if (channel is not IRecordingChannel recording)
        {
            return Fail(context, "the channel cannot record");
        }

        if (channel.State != ChannelState.Up)
        {
            await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
        }

        int gain = 0;
        if (MinivmArgs.OptionArgument(options, 'g') is { Length: > 0 } g && !int.TryParse(g, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out gain))
        {
            VoicemailLog.Failed(service.Log, Name, channel.Name, $"gain '{g}' is not a whole number of dB; recording without gain");
        }

        var beep = await channel.PlayAsync("beep", string.Empty, cancellationToken).ConfigureAwait(false);
        if (beep.Outcome == PlaybackOutcome.HungUp)
        {
            vars.Set("MVM_RECORD_STATUS", "FAILED");
            return AppResult.Hangup;
        }

        var config = service.Config;
        string stops = "#" + (options.Contains('0', StringComparison.Ordinal) ? "0" : string.Empty) + (options.Contains('*', StringComparison.Ordinal) ? "*" : string.Empty);
        string path = service.Store.NewMessagePath(mailbox, channel.UniqueId);
        var request = new RecordingRequest(
            path,
            stops,
            config.MaxMessage > TimeSpan.Zero ? config.MaxMessage : null,
            config.MaxSilence > TimeSpan.Zero ? config.MaxSilence : null,
            config.SilenceThreshold,
            gain);
        var outcome = await recording.RecordAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Stop == RecordingStop.Failed)
        {
            return Fail(context, outcome.Error ?? "recording failed");
        }

        if (outcome.Duration < config.MinMessage || outcome.Duration <= TimeSpan.Zero)
        {
            TryDelete(path);
            vars.Set("MVM_RECORD_STATUS", "FAILED");
            VoicemailLog.Recorded(service.Log, mailbox.ToString(), channel.Name, outcome.Duration.TotalSeconds, "too short, discarded");
            return outcome.Stop == RecordingStop.HungUp ? AppResult.Hangup : AppResult.Continue;
        }

        bool userExit = outcome.Stop == RecordingStop.Digit && outcome.Digit is '0' or '*';
        string status = userExit ? "USEREXIT" : "SUCCESS";
        vars.Set("MVM_FILENAME", path);
        vars.Set("MVM_DURATION", ((int)Math.Round(outcome.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        vars.Set("MVM_RECORD_STATUS", status);
        vars.Set("MVM_MAILBOX", mailbox.ToString());
        VoicemailLog.Recorded(service.Log, mailbox.ToString(), channel.Name, outcome.Duration.TotalSeconds, status);
        if (outcome.Stop == RecordingStop.HungUp || channel.IsHungUp)
        {
            return AppResult.Hangup;
        }

        if (userExit)
        {
            string exten = outcome.Digit == '0' ? "o" : "a";
            if (context.Exists(context.Context, exten, 1))
            {
                return AppResult.Goto(new DialplanLocation(context.Context, exten, 1));
            }
        }

        return AppResult.Continue;
    }

    private AppResult Fail(DialplanContext context, string reason)
    {
        VoicemailLog.Failed(service.Log, Name, context.Channel.Name, reason);
        context.Channel.Variables.Set("MVM_RECORD_STATUS", "FAILED");
        return context.Channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }
}
