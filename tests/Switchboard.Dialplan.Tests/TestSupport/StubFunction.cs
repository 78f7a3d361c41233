using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>A function answered by a delegate (stands in for functions Core registers: PJSIP_ENDPOINT, MESSAGE ...).</summary>
internal sealed class StubFunction(string name, Func<string, string> read, Action<string, string>? write = null) : DialplanFunction
{
    public override string Name => name;

    public override bool CanWrite => write is not null;

    public List<string> Reads { get; } = [];

    public override FunctionResult Read(DialplanContext context, string args)
    {
        Reads.Add(args);
        return FunctionResult.Ok(read(args));
    }

    public override FunctionResult Write(DialplanContext context, string args, string value)
    {
        write!(args, value);
        return FunctionResult.Written;
    }
}
