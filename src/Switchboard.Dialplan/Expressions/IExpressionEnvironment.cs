namespace Switchboard.Dialplan.Expressions;

/// <summary>What an expression can call besides its built-in math functions: the dialplan functions.</summary>
public interface IExpressionEnvironment
{
    /// <summary>Reads dialplan function <paramref name="name"/> with comma-joined <paramref name="args"/>.</summary>
    bool TryReadFunction(string name, string args, out string value);
}
