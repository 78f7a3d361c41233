using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Snapshot;

/// <summary>Outcome of a load: a snapshot when there were no errors, and every diagnostic in any case.</summary>
public sealed record ConfigLoadResult(ConfigSnapshot? Snapshot, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>True when a snapshot was produced (no errors).</summary>
    public bool Succeeded => Snapshot is not null;

    /// <summary>Number of errors.</summary>
    public int ErrorCount
    {
        get
        {
            var n = 0;
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Diagnostics.Count - ErrorCount;
}
