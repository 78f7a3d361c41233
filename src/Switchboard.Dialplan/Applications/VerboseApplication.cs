using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Verbose([level,]message): writes the message to the log.</summary>
internal sealed class VerboseApplication : IDialplanApplication
{
    public string Name => "Verbose";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var message = a.Count switch
        {
            0 => string.Empty,
            1 => a[0],
            _ => a[1],
        };
        if (a.Count > 1 && !int.TryParse(a[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            DialplanLog.LogWarning(context.Logger, $"'{a[0]}' is not a verboser number");
        }

        DialplanLog.Verbose(context.Logger, message);
        return ValueTask.FromResult(AppResult.Continue);
    }
}
