using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// WaitExten([seconds][,options]): waits for the caller to dial an extension. A digit starts digit collection;
/// no digit in time goes to the <c>t</c> extension, or ends the call when there is none.
/// </summary>
internal sealed class WaitExtenApplication : IDialplanApplication
{
    public string Name => "WaitExten";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var a = AppArgs.Standard(args);
        var timeout = context.ResponseTimeout;
        var secondsText = AppArgs.At(a, 0).Trim();
        if (secondsText.Length > 0 && double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86400)
        {
            timeout = TimeSpan.FromSeconds(seconds);
        }

        var result = await context.Channel.WaitForDigitAsync(timeout, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case DigitOutcome.Digit:
                return AppResult.CollectDigits(result.Digit.ToString());
            case DigitOutcome.HungUp:
                return AppResult.Hangup;
        }

        if (context.Exists(context.Context, "t", 1))
        {
            return AppResult.Goto(new Model.DialplanLocation(context.Context, "t", 1));
        }

        DialplanLog.NoTimeoutHandler(context.Logger, context.Channel.Name, context.Context);
        return AppResult.Hangup;
    }
}
