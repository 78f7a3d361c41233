using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Functions;

/// <summary>IF(condition?[iftrue][:iffalse]): the true or false text by Asterisk's truth test.</summary>
internal sealed class IfFunction : DialplanFunction
{
    public override string Name => "IF";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        var condition = AppArgs.Split(args, '?', removeChars: true, maxArgs: 2);
        if (condition.Count < 2)
        {
            return FunctionResult.Fail("Syntax IF(<expr>?[<true>][:<false>])");
        }

        var branches = AppArgs.Split(condition[1], ':', removeChars: true, maxArgs: 2);
        var chosen = Conditions.IsTrue(condition[0].Trim()) ? AppArgs.At(branches, 0) : AppArgs.At(branches, 1);
        return FunctionResult.Ok(chosen.Trim());
    }
}
