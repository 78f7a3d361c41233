using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmNotify(user@domain[,template]): composes the notification e-mail of the message MinivmRecord left
/// (MVM_FILENAME, MVM_DURATION) from the template (the account's etemplate, else "email-default") with the WAV
/// attached, and stores it in the durable outbox; MVM_NOTIFY_STATUS=SUCCESS means the mail is on disk and will be
/// delivered (retried until the server accepts it), so the recording may be deleted. FAILED when there is no
/// recording, no such template, no mail server configured, or the outbox cannot be written.
/// </summary>
internal sealed class MinivmNotifyApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmNotify";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var channel = context.Channel;
        var vars = channel.Variables;
        if (!MinivmArgs.TryMailbox(AppArgs.At(a, 0), out var mailbox, out var error))
        {
            return Fail(context, error!);
        }

        var config = service.Config;
        var account = config.AccountFor(mailbox);
        string templateName = AppArgs.At(a, 1).Trim();
        var template = config.FindTemplate(templateName.Length > 0 ? templateName : account.EmailTemplate);
        if (template is null)
        {
            return Fail(context, $"no [template-{templateName}] in minivm.conf");
        }

        if (!service.Outbox.CanSend)
        {
            return Fail(context, "no mail server configured in minivm.conf (mailcmd or smtphost)");
        }

        string? file = vars.Get("MVM_FILENAME");
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            return Fail(context, "no recorded message (MVM_FILENAME)");
        }

        var duration = int.TryParse(vars.Get("MVM_DURATION"), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : WavPcm.Duration(file);
        var message = new VoicemailMessage
        {
            Account = account,
            Template = template,
            RecordingPath = file,
            Duration = duration,
            Format = config.Format,
            CallerIdName = channel.CallerId.Name,
            CallerIdNumber = channel.CallerId.Number,
            Time = service.Time.GetUtcNow(),
            Zone = config.ZoneFor(account),
            ExtraVariables = name => vars.Get(name),
        };
        using var mime = MailComposer.Compose(message);
        if (!service.Outbox.TryEnqueue(mime, out var path, out error))
        {
            return Fail(context, $"cannot store the mail: {error}");
        }

        VoicemailLog.Queued(service.Log, mailbox.ToString(), account.EffectiveEmail, Path.GetFileName(path!));
        vars.Set("MVM_NOTIFY_STATUS", "SUCCESS");
        return ValueTask.FromResult(AppResult.Continue);
    }

    private ValueTask<AppResult> Fail(DialplanContext context, string reason)
    {
        VoicemailLog.Failed(service.Log, Name, context.Channel.Name, reason);
        context.Channel.Variables.Set("MVM_NOTIFY_STATUS", "FAILED");
        return ValueTask.FromResult(AppResult.Continue);
    }
}
