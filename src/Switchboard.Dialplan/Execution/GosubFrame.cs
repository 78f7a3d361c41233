using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Execution;

/// <summary>One Gosub level: where Return goes, how many ARGn it set, the LOCAL variables it shadows, and its While loops.</summary>
internal sealed class GosubFrame(DialplanLocation returnTo, int argumentCount)
{
    public DialplanLocation ReturnTo { get; } = returnTo;

    public int ArgumentCount { get; } = argumentCount;

    public List<string> Locals { get; } = [];

    public List<WhileFrame> Whiles { get; } = [];
}
