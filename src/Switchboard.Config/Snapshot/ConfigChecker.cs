using System.Text;
using Switchboard.Config.Diagnostics;

namespace Switchboard.Config.Snapshot;

/// <summary>Runs a full load of a config directory and reports every error and warning (<c>switchboard config check</c>).</summary>
public static class ConfigChecker
{
    /// <summary>Checks <paramref name="configDirectory"/> with the given module validators.</summary>
    public static ConfigLoadResult Check(string configDirectory, IEnumerable<IConfigValidator>? validators = null) =>
        new ConfigSnapshotLoader(validators).LoadDirectory(configDirectory);

    /// <summary>One line per diagnostic (<c>file:line: error: message</c>) followed by a summary line.</summary>
    public static string Format(ConfigLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        foreach (var d in Sorted(result.Diagnostics))
        {
            sb.Append(d).Append('\n');
        }

        sb.Append(result.ErrorCount).Append(result.ErrorCount == 1 ? " error, " : " errors, ")
          .Append(result.WarningCount).Append(result.WarningCount == 1 ? " warning" : " warnings")
          .Append(result.Succeeded ? " - configuration OK\n" : " - configuration NOT loadable\n");
        return sb.ToString();
    }

    /// <summary>
    /// Text for <c>core reload</c> / <c>module reload res_pjsip.so</c>: on success a one-line confirmation (plus
    /// warnings); on failure the errors and a line saying the running configuration was kept.
    /// </summary>
    public static string FormatReload(ConfigLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        foreach (var d in Sorted(result.Diagnostics))
        {
            sb.Append(d).Append('\n');
        }

        if (result.Snapshot is { } s)
        {
            sb.Append("Configuration reloaded (generation ").Append(s.Generation).Append(", ")
              .Append(result.WarningCount).Append(result.WarningCount == 1 ? " warning)\n" : " warnings)\n");
        }
        else
        {
            sb.Append("Reload failed with ").Append(result.ErrorCount).Append(result.ErrorCount == 1 ? " error" : " errors")
              .Append("; the running configuration is unchanged\n");
        }

        return sb.ToString();
    }

    /// <summary>Process exit code for the check: 0 when loadable (warnings allowed), 1 on any error.</summary>
    public static int ExitCode(ConfigLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? 0 : 1;
    }

    private static IEnumerable<ConfigDiagnostic> Sorted(IReadOnlyList<ConfigDiagnostic> items) =>
        items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenByDescending(d => d.Severity);
}
