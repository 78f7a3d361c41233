using Switchboard.Dialplan.Agi;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// AGI(command[,arg1[,arg2...]]): runs an AGI script, a local program or a FastAGI server
/// (<c>agi://host[:port]/script</c>), and lets it control the channel. Sets ${AGISTATUS} (SUCCESS, FAILURE,
/// NOTFOUND, HANGUP); the dialplan goes on unless the channel hung up.
/// </summary>
internal sealed class AgiApplication : IDialplanApplication
{
    public string Name => "AGI";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var vars = context.Channel.Variables;
        if (!AgiTarget.TryParse(AppArgs.At(a, 0), context.Engine.Options.AgiDirectory, out var target, out var error))
        {
            AgiLog.Warning(context.Logger, context.Channel.Name, error);
            vars.Set("AGISTATUS", AgiStatus.Failure);
            return AppResult.Continue;
        }

        var scriptArgs = a.Count > 1 ? a.GetRange(1, a.Count - 1) : [];
        AgiLog.Started(context.Logger, target.Request, context.Channel.Name);
        var status = target.IsNetwork
            ? await AgiNetworkRunner.RunAsync(context, target, scriptArgs, cancellationToken).ConfigureAwait(false)
            : await AgiProgramRunner.RunAsync(context, target, scriptArgs, cancellationToken).ConfigureAwait(false);
        vars.Set("AGISTATUS", status);
        return status == AgiStatus.Hangup ? AppResult.Hangup : AppResult.Continue;
    }
}
