using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>INC(varname)/DEC(varname): adds or subtracts 1 from an integer variable, stores and returns the result.</summary>
internal sealed class IncDecFunction(bool increment) : DialplanFunction
{
    public override string Name => increment ? "INC" : "DEC";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var variable = args.Trim();
        if (variable.Length == 0)
        {
            return FunctionResult.Fail($"Syntax: {Name}(<data>) - missing argument!");
        }

        if (!context.TryGetVariable(variable, out var value))
        {
            return FunctionResult.Fail($"Failed to obtain variable {variable}, bailing out");
        }

        if (!long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return FunctionResult.Fail($"Variable {variable} ('{value}') is not an integer");
        }

        n += increment ? 1 : -1;
        var text = n.ToString(CultureInfo.InvariantCulture);
        context.Channel.Variables.Set(variable, text);
        return FunctionResult.Ok(text);
    }
}
