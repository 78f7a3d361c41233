using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>FIELDQTY(varname,delim): number of fields; FIELDNUM(varname,delim,value): 1-based position of value, or 0.</summary>
internal sealed class FieldFunction(bool position) : DialplanFunction
{
    public override string Name => position ? "FIELDNUM" : "FIELDQTY";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        if (a.Count < (position ? 3 : 2) || a[0].Trim().Length == 0)
        {
            return FunctionResult.Fail(position ? "Usage: FIELDNUM(<varname>,<delim>,<value>)" : "Usage: FIELDQTY(<varname>,<delim>)");
        }

        var value = context.GetVariable(a[0].Trim());
        var delimiter = EncodedChar.Decode(a[1], '-');
        if (!position)
        {
            return FunctionResult.Ok(value.Length == 0 ? "0" : value.Split(delimiter).Length.ToString(CultureInfo.InvariantCulture));
        }

        var fields = value.Length == 0 ? [] : value.Split(delimiter);
        var index = Array.IndexOf(fields, a[2]);
        return FunctionResult.Ok((index + 1).ToString(CultureInfo.InvariantCulture));
    }
}
