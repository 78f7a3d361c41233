using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>A dialplan function such as <c>CUT</c> or <c>CALLERID</c>: read as <c>${NAME(args)}</c>, written with <c>Set(NAME(args)=value)</c>.</summary>
public interface IDialplanFunction
{
    /// <summary>The name (looked up case-insensitively).</summary>
    string Name { get; }

    /// <summary>True when <see cref="Write"/> is supported.</summary>
    bool CanWrite { get; }

    /// <summary>Reads the function with its raw (already substituted) argument text.</summary>
    FunctionResult Read(DialplanContext context, string args);

    /// <summary>Writes the function.</summary>
    FunctionResult Write(DialplanContext context, string args, string value);
}
