using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Hangup([cause]): ends the call with a Q.850 cause (number or name, default 16 normal clearing).</summary>
internal sealed class HangupApplication : IDialplanApplication
{
    public string Name => "Hangup";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var text = args.Trim();
        if (text.Length > 0)
        {
            if (HangupCauses.TryParse(text, out var cause))
            {
                context.Channel.HangupCause = cause;
            }
            else
            {
                DialplanLog.LogWarning(context.Logger, $"Invalid cause given to Hangup(): \"{text}\"");
            }
        }

        return ValueTask.FromResult(AppResult.Hangup);
    }
}
