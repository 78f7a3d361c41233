using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Applications;

/// <summary>Finds the EndWhile that closes a While (nested loops counted) in the same extension.</summary>
internal static class WhileLoops
{
    private const int MaxScan = 100_000;

    public static bool TryFindEnd(DialplanContext context, DialplanLocation start, out int endPriority)
    {
        var depth = 0;
        for (var p = start.Priority + 1; p < start.Priority + MaxScan; p++)
        {
            if (!context.Dialplan.TryFindPriority(start.Context, start.Exten, p, context.CallerNumber, context.Time, out var match))
            {
                break;
            }

            var app = match.Priority.Application;
            if (app.Equals("While", StringComparison.OrdinalIgnoreCase))
            {
                depth++;
            }
            else if (app.Equals("EndWhile", StringComparison.OrdinalIgnoreCase))
            {
                if (depth == 0)
                {
                    endPriority = p;
                    return true;
                }

                depth--;
            }
        }

        endPriority = 0;
        return false;
    }

    public static AppResult JumpPastEnd(DialplanContext context, DialplanLocation start)
    {
        if (!TryFindEnd(context, start, out var end))
        {
            return AppResult.Error($"Couldn't find matching EndWhile? (While at {start.Context}, {start.Exten}, {start.Priority})");
        }

        return AppResult.Goto(start with { Priority = end + 1 });
    }
}
