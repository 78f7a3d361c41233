using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;
using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Functions;

/// <summary>IFTIME(times,weekdays,mdays,months[,timezone]?[iftrue][:iffalse]).</summary>
internal sealed class IfTimeFunction : DialplanFunction
{
    public override string Name => "IFTIME";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var condition = AppArgs.Split(args, '?', removeChars: false, maxArgs: 2);
        if (condition.Count < 2)
        {
            return FunctionResult.Fail("IFTIME requires an argument: IFTIME(<timespec>?[<true>][:<false>])");
        }

        if (!TimeSpec.TryParse(condition[0], out var spec, out var error))
        {
            return FunctionResult.Fail($"Invalid Time Spec '{condition[0]}': {error}");
        }

        var branches = AppArgs.Split(condition[1], ':', removeChars: false, maxArgs: 2);
        var chosen = spec.Matches(context.Time) ? AppArgs.At(branches, 0) : AppArgs.At(branches, 1);
        return FunctionResult.Ok(chosen.Trim());
    }
}
