using System.Globalization;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>ISNULL (1 when empty), EXISTS (1 when not empty) and LEN (length) of the argument text.</summary>
internal sealed class TestFunction(string name) : DialplanFunction
{
    public override string Name => name;

    public override FunctionResult Read(DialplanContext context, string args) => name switch
    {
        "ISNULL" => FunctionResult.Ok(args.Length == 0 ? "1" : "0"),
        "EXISTS" => FunctionResult.Ok(args.Length == 0 ? "0" : "1"),
        _ => FunctionResult.Ok(args.Length.ToString(CultureInfo.InvariantCulture)),
    };
}
