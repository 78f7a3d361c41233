using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>NoOp(text), ResetCDR(), NoCDR(): do nothing (CDR control is not supported; the arguments still get substituted).</summary>
internal sealed class NoOpApplication(string name) : IDialplanApplication
{
    public string Name => name;

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken) => ValueTask.FromResult(AppResult.Continue);
}
