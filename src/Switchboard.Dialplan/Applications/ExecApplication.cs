using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Exec(appname(args)): runs another application; an unknown one is logged and skipped.</summary>
internal sealed class ExecApplication : IDialplanApplication
{
    public string Name => "Exec";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken) =>
        RunAsync(context, args, cancellationToken);

    internal static ValueTask<AppResult> RunAsync(DialplanContext context, string call, CancellationToken cancellationToken)
    {
        AppArgs.SplitCall(call, out var name, out var appArgs);
        if (name.Length == 0)
        {
            return ValueTask.FromResult(AppResult.Continue);
        }

        if (!context.Engine.Applications.TryGet(name, out var application))
        {
            DialplanLog.LogWarning(context.Logger, $"Could not find application ({name})");
            return ValueTask.FromResult(AppResult.Continue);
        }

        return application.ExecuteAsync(context, appArgs, cancellationToken);
    }
}
