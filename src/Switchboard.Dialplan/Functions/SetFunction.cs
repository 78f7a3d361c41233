using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>SET(var=value): sets the variable (or writes a function) and returns the value.</summary>
internal sealed class SetFunction : DialplanFunction
{
    public override string Name => "SET";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var parts = AppArgs.Split(args, '=', removeChars: true, maxArgs: 2);
        if (parts.Count < 2 || parts[0].Trim().Length == 0)
        {
            return FunctionResult.Fail("SET requires an argument: SET(<varname>=[<value>])");
        }

        var error = context.SetVariable(parts[0].Trim(), parts[1]);
        return error is null ? FunctionResult.Ok(parts[1]) : FunctionResult.Fail(error);
    }
}
