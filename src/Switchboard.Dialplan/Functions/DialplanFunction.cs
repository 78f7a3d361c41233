using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Functions;

/// <summary>Base for functions: read-only unless <see cref="Write"/> is overridden.</summary>
public abstract class DialplanFunction : IDialplanFunction
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual bool CanWrite => false;

    /// <inheritdoc />
    public virtual FunctionResult Read(DialplanContext context, string args) => FunctionResult.Fail($"{Name}() cannot be read");

    /// <inheritdoc />
    public virtual FunctionResult Write(DialplanContext context, string args, string value) => FunctionResult.Fail($"{Name}() cannot be written");
}
