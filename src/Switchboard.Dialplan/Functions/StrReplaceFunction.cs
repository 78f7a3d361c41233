using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>STRREPLACE(varname,find-string[,replace-string[,max-replacements]]).</summary>
internal sealed class StrReplaceFunction : DialplanFunction
{
    public override string Name => "STRREPLACE";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        if (a.Count < 2 || a[0].Length == 0 || a[1].Length == 0)
        {
            return FunctionResult.Fail("Usage: STRREPLACE(<varname>,<find-string>[,<replace-string>[,<max-replacements>]])");
        }

        var value = context.GetVariable(a[0].Trim());
        var find = a[1];
        var replacement = AppArgs.At(a, 2);
        var max = int.MaxValue;
        if (a.Count > 3 && a[3].Trim().Length > 0 && (!int.TryParse(a[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 0))
        {
            return FunctionResult.Fail($"max-replacements must be a positive number, got '{a[3]}'");
        }

        var output = new StringBuilder(value.Length);
        var start = 0;
        var count = 0;
        while (count < max)
        {
            var at = value.IndexOf(find, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            output.Append(value, start, at - start).Append(replacement);
            start = at + find.Length;
            count++;
        }

        output.Append(value, start, value.Length - start);
        return FunctionResult.Ok(output.ToString());
    }
}
