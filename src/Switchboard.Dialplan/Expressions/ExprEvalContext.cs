namespace Switchboard.Dialplan.Expressions;

/// <summary>State of one evaluation: the environment for function calls and the warnings raised.</summary>
internal sealed class ExprEvalContext
{
    public ExprEvalContext(IExpressionEnvironment? environment)
    {
        Environment = environment;
    }

    public IExpressionEnvironment? Environment { get; }

    /// <summary>The first warning raised (Asterisk logs each; the caller logs this one).</summary>
    public string? Warning { get; private set; }

    public void Warn(string message) => Warning ??= message;
}
