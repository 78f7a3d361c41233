using Switchboard.Config.Diagnostics;
using Switchboard.Dialplan.Substitution;

namespace Switchboard.Dialplan.Loading;

/// <summary>Substitution while loading <c>[globals]</c>: earlier globals are visible, functions are not.</summary>
internal sealed class LoadScope(Dictionary<string, string> globals, DiagnosticBag diagnostics) : ISubstitutionScope
{
    public string File { get; set; } = string.Empty;

    public int Line { get; set; }

    public bool TryGetVariable(string name, out string value) => globals.TryGetValue(name, out value!);

    public bool TryReadFunction(string name, string args, out string value)
    {
        diagnostics.Warning(File, Line, $"function {name}() cannot be used in [globals] (no channel at load time); it gives an empty value");
        value = string.Empty;
        return false;
    }

    public void ReportWarning(string message) => diagnostics.Warning(File, Line, message);
}
