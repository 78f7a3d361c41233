using System.Globalization;
using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmMWI(username@domain,urgent,new,old): publishes the mailbox's message counts; devices whose endpoint lists the
/// mailbox in <c>mailboxes</c> get a message-summary NOTIFY (unsolicited, or in their subscription). A missing or bad
/// mailbox is logged and the dialplan goes on; missing or bad counts are 0.
/// </summary>
internal sealed class MinivmMwiApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmMWI";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 4);
        if (!MinivmArgs.TryMailbox(AppArgs.At(a, 0), out var mailbox, out var error))
        {
            VoicemailLog.Failed(service.Log, Name, context.Channel.Name, error!);
            return ValueTask.FromResult(AppResult.Continue);
        }

        var counts = new MwiCounts(Count(AppArgs.At(a, 1)), Count(AppArgs.At(a, 2)), Count(AppArgs.At(a, 3)));
        service.MessageWaiting.Publish(mailbox.ToString(), counts);
        return ValueTask.FromResult(AppResult.Continue);
    }

    private static int Count(string text)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
}
