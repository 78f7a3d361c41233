using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>MSet(name1=value1,name2=value2,...): standard argument parsing, so quotes are removed and commas must be escaped.</summary>
internal sealed class MSetApplication : IDialplanApplication
{
    public string Name => "MSet";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        foreach (var pair in AppArgs.Standard(args, 99))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                DialplanLog.LogWarning(context.Logger, $"MSet: '{pair}' has no '='");
                continue;
            }

            var error = context.SetVariable(pair[..eq].Trim(), pair[(eq + 1)..]);
            if (error is not null)
            {
                DialplanLog.LogWarning(context.Logger, $"MSet({pair[..eq]}): {error}");
            }
        }

        return ValueTask.FromResult(AppResult.Continue);
    }
}
