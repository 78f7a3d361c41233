namespace Switchboard.Config.Diagnostics;

/// <summary>How bad a configuration problem is. Any error makes a load fail.</summary>
public enum DiagnosticSeverity
{
    Warning = 0,
    Error = 1,
}
