namespace Switchboard.Config.Diagnostics;

/// <summary>Collects warnings and errors while configuration is parsed and validated.</summary>
/// <remarks>Not thread safe: one bag per load.</remarks>
public sealed class DiagnosticBag
{
    private readonly List<ConfigDiagnostic> _items = [];

    /// <summary>All diagnostics in the order they were reported.</summary>
    public IReadOnlyList<ConfigDiagnostic> Items => _items;

    /// <summary>Number of errors reported so far.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Number of warnings reported so far.</summary>
    public int WarningCount => _items.Count - ErrorCount;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Adds a diagnostic.</summary>
    public void Add(ConfigDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }
    }

    /// <summary>Reports an error at file:line.</summary>
    public void Error(string file, int line, string message) =>
        Add(new ConfigDiagnostic(DiagnosticSeverity.Error, file, line, message));

    /// <summary>Reports a warning at file:line.</summary>
    public void Warning(string file, int line, string message) =>
        Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, file, line, message));

    /// <summary>Adds every diagnostic of another bag.</summary>
    public void AddRange(IEnumerable<ConfigDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }
}
