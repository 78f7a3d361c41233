using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>Echo(): sends the caller's audio back until <c>#</c> is pressed, then continues.</summary>
internal sealed class EchoApplication : IDialplanApplication
{
    public string Name => "Echo";

    public async ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var result = await context.Channel.EchoAsync(cancellationToken).ConfigureAwait(false);
        return result.Outcome == DigitOutcome.HungUp ? AppResult.Hangup : AppResult.Continue;
    }
}
