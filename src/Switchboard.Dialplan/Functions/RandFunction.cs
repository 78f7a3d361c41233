using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>RAND([min][,max]): a random integer in [min, max], defaults 0 and 2147483647.</summary>
internal sealed class RandFunction : DialplanFunction
{
    public override string Name => "RAND";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        long min = 0, max = int.MaxValue;
        if (a.Count > 0 && a[0].Trim().Length > 0 && !long.TryParse(a[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out min))
        {
            min = 0;
        }

        if (a.Count > 1 && a[1].Trim().Length > 0 && !long.TryParse(a[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out max))
        {
            max = int.MaxValue;
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        var value = Random.Shared.NextInt64(min, max + 1);
        return FunctionResult.Ok(value.ToString(CultureInfo.InvariantCulture));
    }
}
