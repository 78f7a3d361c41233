using System.Globalization;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>VALID_EXTEN([context],extension[,priority]): 1 when the extension (priority 1 by default) exists for this caller.</summary>
internal sealed class ValidExtenFunction : DialplanFunction
{
    public override string Name => "VALID_EXTEN";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var a = AppArgs.Standard(args);
        var ctx = AppArgs.At(a, 0).Trim();
        var exten = AppArgs.At(a, 1).Trim();
        if (exten.Length == 0)
        {
            return FunctionResult.Fail("Syntax: VALID_EXTEN([<context>],<extension>[,<priority>]) - missing argument <extension>!");
        }

        var priority = 1;
        if (a.Count > 2 && a[2].Trim().Length > 0 && !int.TryParse(a[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out priority))
        {
            priority = 1;
        }

        var exists = context.Exists(ctx.Length == 0 ? context.Context : ctx, exten, priority);
        return FunctionResult.Ok(exists ? "1" : "0");
    }
}
