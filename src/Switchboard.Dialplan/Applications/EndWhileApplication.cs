using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>
/// EndWhile (back to the While to test again), ContinueWhile (same, from inside the loop) and ExitWhile
/// (leave the loop, continue after its EndWhile).
/// </summary>
internal sealed class EndWhileApplication(string name) : IDialplanApplication
{
    public string Name => name;

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var loops = context.CurrentWhiles;
        if (loops.Count == 0)
        {
            DialplanLog.LogWarning(context.Logger, $"{name} without a While at {context.Exten}@{context.Context}:{context.Priority}");
            return ValueTask.FromResult(AppResult.Continue);
        }

        var loop = loops[^1];
        if (name == "ExitWhile")
        {
            loops.RemoveAt(loops.Count - 1);
            return ValueTask.FromResult(WhileLoops.JumpPastEnd(context, loop.Start));
        }

        return ValueTask.FromResult(AppResult.Goto(loop.Start));
    }
}
