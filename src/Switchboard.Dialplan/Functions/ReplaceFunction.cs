using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>REPLACE(varname,find-chars[,replace-char]): each of find-chars in the variable becomes replace-char, or is removed when it is empty.</summary>
internal sealed class ReplaceFunction : DialplanFunction
{
    public override string Name => "REPLACE";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        if (a.Count < 2 || a[0].Length == 0 || a[1].Length == 0)
        {
            return FunctionResult.Fail("Usage: REPLACE(<varname>,<search-chars>[,<replace-char>])");
        }

        var value = context.GetVariable(a[0].Trim());
        var replacement = AppArgs.At(a, 2);
        var output = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (a[1].Contains(c, StringComparison.Ordinal))
            {
                if (replacement.Length > 0)
                {
                    output.Append(replacement[0]);
                }
            }
            else
            {
                output.Append(c);
            }
        }

        return FunctionResult.Ok(output.ToString());
    }
}
