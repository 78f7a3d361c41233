using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>Set(ARRAY(var1,var2,...)=value1,value2,...): sets several variables at once.</summary>
internal sealed class ArrayFunction : DialplanFunction
{
    public override string Name => "ARRAY";

    public override bool CanWrite => true;

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var names = AppArgs.Standard(args);
        var values = AppArgs.Standard(value);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (name.Length > 0)
            {
                context.SetVariable(name, AppArgs.At(values, i));
            }
        }

        return FunctionResult.Written;
    }
}
