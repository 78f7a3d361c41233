using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Goto([[context,]extension,]priority): priority is a number, a label or +n/-n. A label that does not exist fails the call.</summary>
internal sealed class GotoApplication : IDialplanApplication
{
    public string Name => "Goto";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Jump(context, args));

    internal static AppResult Jump(DialplanContext context, string target)
    {
        if (target.Trim().Length == 0)
        {
            return AppResult.Error("Goto requires an argument ([[context,]extension,]priority)");
        }

        return context.TryResolveGoto(target, out var location, out var error) ? AppResult.Goto(location) : AppResult.Error(error!);
    }
}
