using System.Globalization;
using System.Text;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>
/// CUT(varname,delimiter,fields): fields of a variable's value, 1-based; fields are <c>n</c>, <c>n-m</c>,
/// <c>n-</c>, <c>-m</c>, joined with <c>&amp;</c>. The delimiter defaults to <c>-</c>.
/// </summary>
internal sealed class CutFunction : DialplanFunction
{
    public override string Name => "CUT";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        if (a.Count < 3 || a[0].Length == 0)
        {
            return FunctionResult.Fail("Syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument!");
        }

        var value = context.Substitute("${" + a[0] + "}");
        var delimiter = EncodedChar.Decode(a[1], '-');
        var fields = value.Split(delimiter);
        var output = new StringBuilder();
        var first = true;
        foreach (var group in a[2].Split('&'))
        {
            if (!TryParseRange(group.Trim(), out var from, out var to))
            {
                return FunctionResult.Fail($"Syntax error in field specification '{group}' of CUT()");
            }

            for (var i = Math.Max(from, 1); i <= to && i <= fields.Length; i++)
            {
                if (!first)
                {
                    output.Append(delimiter);
                }

                output.Append(fields[i - 1]);
                first = false;
            }
        }

        return FunctionResult.Ok(output.ToString());
    }

    private static bool TryParseRange(string spec, out int from, out int to)
    {
        from = 0;
        to = 0;
        if (spec.Length == 0)
        {
            return false;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out from))
            {
                return false;
            }

            to = from;
            return true;
        }

        var left = spec[..dash];
        var right = spec[(dash + 1)..];
        from = left.Length == 0 ? 1 : int.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : -1;
        to = right.Length == 0 ? int.MaxValue : int.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : -1;
        return from >= 0 && to >= 0;
    }
}
