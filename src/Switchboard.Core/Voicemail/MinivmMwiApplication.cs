using Switchboard.Dialplan.Applications;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// MinivmMWI(user@domain,urgent,new,old): accepted so dialplans that call it keep running; Switchboard sends no
/// message-waiting NOTIFY (MiniVM mails messages and keeps no mailbox to report on). Logged at debug level.
/// </summary>
internal sealed class MinivmMwiApplication(VoicemailService service) : IDialplanApplication
{
    public string Name => "MinivmMWI";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        _ = service;
        return ValueTask.FromResult(AppResult.Continue);
    }
}
