namespace Switchboard.AutoBan.Configuration;

/// <summary>
/// Minimal reader for autoban.conf's few lines: <c>[section]</c>, <c>key = value</c> (also <c>=&gt;</c>), comments
/// after <c>;</c> or <c>#</c> at line start, quotes around a value removed. A seam until the shared
/// Switchboard.Config parser is used; lines it cannot read are reported, never dropped silently.
/// </summary>
internal static class SimpleConfReader
{
    public static List<ConfEntry> Read(TextReader reader, string file, List<ConfDiagnostic> diagnostics)
    {
        var entries = new List<ConfEntry>();
        string section = "";
        int lineNo = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNo++;
            var line = raw.AsSpan().Trim();
            int semi = line.IndexOf(';');
            if (semi >= 0)
            {
                line = line[..semi].TrimEnd();
            }

            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                int close = line.IndexOf(']');
                if (close < 2)
                {
                    diagnostics.Add(new ConfDiagnostic(file, lineNo, $"malformed section header '{raw.Trim()}'"));
                    continue;
                }

                section = line[1..close].Trim().ToString().ToLowerInvariant();
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                diagnostics.Add(new ConfDiagnostic(file, lineNo, $"expected 'key = value', got '{raw.Trim()}'"));
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..];
            if (!value.IsEmpty && value[0] == '>')
            {
                value = value[1..];
            }

            value = value.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            entries.Add(new ConfEntry(section, key.ToString().ToLowerInvariant(), value.ToString(), file, lineNo));
        }

        return entries;
    }
}
