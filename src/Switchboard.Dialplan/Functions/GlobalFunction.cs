using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>GLOBAL(name): reads or writes a global variable.</summary>
internal sealed class GlobalFunction : DialplanFunction
{
    public override string Name => "GLOBAL";

    public override bool CanWrite => true;

    public override FunctionResult Read(DialplanContext context, string args) =>
        FunctionResult.Ok(context.Engine.Globals.Get(args.Trim()) ?? string.Empty);

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        var name = args.Trim();
        if (name.Length == 0)
        {
            return FunctionResult.Fail("GLOBAL() requires a variable name");
        }

        context.Engine.Globals.Set(name, value);
        return FunctionResult.Written;
    }
}
