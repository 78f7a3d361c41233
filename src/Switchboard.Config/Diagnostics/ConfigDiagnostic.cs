namespace Switchboard.Config.Diagnostics;

/// <summary>One problem found in a configuration file, located by file and line.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="File">Path as referenced (relative to the config dir, or absolute); may be empty.</param>
/// <param name="Line">1-based line number, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">Human readable text without location.</param>
public sealed record ConfigDiagnostic(DiagnosticSeverity Severity, string File, int Line, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats as <c>file:line: error: message</c> (compiler style).</summary>
    public override string ToString()
    {
        var kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        if (File.Length == 0)
        {
            return $"{kind}: {Message}";
        }

        return Line > 0 ? $"{File}:{Line}: {kind}: {Message}" : $"{File}: {kind}: {Message}";
    }
}
