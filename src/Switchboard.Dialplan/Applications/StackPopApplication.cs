using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>StackPop(): forgets the latest Gosub return address (its LOCAL variables are released) and continues.</summary>
internal sealed class StackPopApplication : IDialplanApplication
{
    public string Name => "StackPop";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        context.PopFrame();
        return ValueTask.FromResult(AppResult.Continue);
    }
}
