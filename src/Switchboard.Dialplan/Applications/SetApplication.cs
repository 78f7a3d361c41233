using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// Set(name=value): everything after the first '=' is the value, commas and quotes included (Asterisk 1.6+).
/// The name may be a function: Set(CALLERID(num)=123), Set(GLOBAL(X)=1).
/// </summary>
internal sealed class SetApplication : IDialplanApplication
{
    public string Name => "Set";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var eq = args.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            DialplanLog.LogWarning(context.Logger, $"Set requires an '=' to be a valid assignment (got '{args}')");
            return ValueTask.FromResult(AppResult.Continue);
        }

        var name = args[..eq];
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            DialplanLog.LogWarning(context.Logger, $"Please avoid unnecessary spaces on variables as it may lead to unexpected results ('{name}' set to '{args[(eq + 1)..]}').");
        }

        var error = context.SetVariable(name.Trim(), args[(eq + 1)..]);
        if (error is not null)
        {
            DialplanLog.LogWarning(context.Logger, $"Set({name}): {error}");
        }

        return ValueTask.FromResult(AppResult.Continue);
    }
}
