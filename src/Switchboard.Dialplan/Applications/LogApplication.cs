using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Log(level,message): level ERROR, WARNING, NOTICE, DEBUG, VERBOSE, DTMF or SECURITY.</summary>
internal sealed class LogApplication : IDialplanApplication
{
    public string Name => "Log";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args, 2);
        var level = AppArgs.At(a, 0).Trim().ToUpperInvariant();
        var message = AppArgs.At(a, 1);
        var text = $"Ext. {context.Exten}:{context.Priority} @ {context.Context}: {message}";
        switch (level)
        {
            case "ERROR":
                DialplanLog.LogError(context.Logger, text);
                break;
            case "WARNING" or "SECURITY":
                DialplanLog.LogWarning(context.Logger, text);
                break;
            case "NOTICE" or "VERBOSE":
                DialplanLog.LogNotice(context.Logger, text);
                break;
            case "DEBUG" or "DTMF":
                DialplanLog.LogDebug(context.Logger, text);
                break;
            default:
                DialplanLog.LogWarning(context.Logger, $"Log(): unknown level '{level}'; message: {text}");
                break;
        }

        return ValueTask.FromResult(AppResult.Continue);
    }
}
