using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Applications;

/// <summary>While(condition): runs the priorities up to the matching EndWhile while the condition is true.</summary>
internal sealed class WhileApplication : IDialplanApplication
{
    private const int MaxOpenLoops = 256;

    public string Name => "While";

    public ValueTask<AppResult> ExecuteAsync(DialplanContext context, string args, CancellationToken cancellationToken)
    {
        var here = context.Location;
        var loops = context.CurrentWhiles;
        if (loops.Count == 0 || loops[^1].Start != here)
        {
            if (loops.Count >= MaxOpenLoops)
            {
                // Loops left with Goto instead of ExitWhile stay open; forget the oldest.
                loops.RemoveAt(0);
            }

            loops.Add(new WhileFrame(here));
        }

        if (Conditions.IsTrue(args))
        {
            return ValueTask.FromResult(AppResult.Continue);
        }

        loops.RemoveAt(loops.Count - 1);
        return ValueTask.FromResult(WhileLoops.JumpPastEnd(context, here));
    }
}
