using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmAccMess(user@domain,u|b|t|n): records the account's unavailable, busy or temporary greeting or its name
/// into the mailbox folder (created when missing): a prompt (vm-rec-unv, vm-rec-busy, vm-rec-temp, vm-rec-name),
/// a beep, then the recording until '#', hang-up or 60 s. The previous file is replaced only by a recording that
/// has sound in it. Sets MVM_ACCMESS_STATUS (SUCCESS, FAILED).
/// </summary>
internal sealed class MinivmAccMessApplication(VoicemailService service) : IDialplanApplication
{
    private static readonly TimeSpan MaxGreeting = TimeSpan.FromSeconds(60);

    public string Name => "MinivmAccMess";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var channel = context.Channel;
        string options = AppArgs.At(a, 1).Trim();
        if (!MinivmArgs.TryMailbox(AppArgs.At(a, 0), out var mailbox, out var error))
        {
            return Fail(context, error!);
        }

        char kind = options.Length > 0 ? options[0] : '\0';
        if (kind is not ('u' or 'b' or 't' or 'n'))
        {
            return Fail(context, "the option must be one of u, b, t, n");
        }

        if (channel is not IRecordingChannel recording)
        {
            return Fail(context, "the channel cannot record");
        }

        if (channel.State != ChannelState.Up)
        {
            await channel.AnswerAsync(cancellationToken).ConfigureAwait(false);
        }

        string prompt = kind switch { 'u' => "vm-rec-unv", 'b' => "vm-rec-busy", 't' => "vm-rec-temp", _ => "vm-rec-name" };
        var played = await MinivmArgs.PlayAsync(channel, [prompt, "beep"], string.Empty, cancellationToken).ConfigureAwait(false);
        if (played.Outcome == PlaybackOutcome.HungUp)
        {
            channel.Variables.Set("MVM_ACCMESS_STATUS", "FAILED");
            return AppResult.Hangup;
        }

        string target = service.Store.GreetingBase(mailbox, kind) + ".wav";
        string partial = service.Store.GreetingBase(mailbox, kind) + ".new.wav";
        var outcome = await recording.RecordAsync(new RecordingRequest(partial, "#", MaxGreeting, null, service.Config.SilenceThreshold), cancellationToken).ConfigureAwait(false);
        if (outcome.Stop == RecordingStop.Failed || outcome.Duration <= TimeSpan.Zero)
        {
            TryDelete(partial);
            return Fail(context, outcome.Error ?? "nothing was recorded");
        }

        try
        {
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(context, ex.Message);
        }

        VoicemailLog.GreetingRecorded(service.Log, mailbox.ToString(), prompt[7..], outcome.Duration.TotalSeconds);
        channel.Variables.Set("MVM_ACCMESS_STATUS", "SUCCESS");
        return channel.IsHungUp ? AppResult.Hangup : AppResult.Continue;
    }

    private AppResult Fail(DialplanContext context, string reason)
    {
        VoicemailLog.Failed(service.Log, Name, context.Channel.Name, reason);
        context.Channel.Variables.Set("MVM_ACCMESS_STATUS", "FAILED");
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
