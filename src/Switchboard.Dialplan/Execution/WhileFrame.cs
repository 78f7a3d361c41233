using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Execution;

/// <summary>An active While loop: the priority of its While().</summary>
internal sealed class WhileFrame(DialplanLocation start)
{
    public DialplanLocation Start { get; } = start;
}
