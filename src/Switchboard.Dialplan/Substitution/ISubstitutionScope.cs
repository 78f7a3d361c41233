using Switchboard.Dialplan.Expressions;

namespace Switchboard.Dialplan.Substitution;

/// <summary>Where a template finds the values of <c>${VAR}</c>, <c>${FUNC(args)}</c> and where warnings go.</summary>
public interface ISubstitutionScope : IExpressionEnvironment
{
    /// <summary>Reads a variable (built-ins, then channel variables, then globals).</summary>
    bool TryGetVariable(string name, out string value);

    /// <summary>Receives a warning raised while substituting (bad expression, unknown function ...).</summary>
    void ReportWarning(string message);
}
