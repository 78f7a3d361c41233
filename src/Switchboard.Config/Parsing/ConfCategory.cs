namespace Switchboard.Config.Parsing;

/// <summary>
/// One <c>[name]</c> section. <see cref="Entries"/> holds the entries of its templates first (in template order,
/// each template's own inherited entries before its own), then its own entries, then entries added by
/// later <c>[name](+)</c> sections.
/// </summary>
public sealed class ConfCategory
{
    internal ConfCategory(string name, bool isTemplate, IReadOnlyList<string> templates, IReadOnlyList<ConfEntry> entries, string file, int line)
    {
        Name = name;
        IsTemplate = isTemplate;
        Templates = templates;
        Entries = entries;
        File = file;
        Line = line;
    }

    /// <summary>The category name as written.</summary>
    public string Name { get; }

    /// <summary>True for <c>[name](!)</c>: a template that consumers should not turn into an object.</summary>
    public bool IsTemplate { get; }

    /// <summary>Names of the templates it inherits from, in order.</summary>
    public IReadOnlyList<string> Templates { get; }

    /// <summary>All effective entries in order (inherited first).</summary>
    public IReadOnlyList<ConfEntry> Entries { get; }

    /// <summary>File of the header line.</summary>
    public string File { get; }

    /// <summary>Line of the header.</summary>
    public int Line { get; }

    /// <summary>The last entry with that key (later values override earlier ones), or null.</summary>
    public ConfEntry? Last(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Is(key))
            {
                return Entries[i];
            }
        }

        return null;
    }

    /// <summary>The value of the last entry with that key, or null.</summary>
    public string? Get(string key) => Last(key)?.Value;

    /// <summary>Every entry with that key, in order.</summary>
    public IEnumerable<ConfEntry> All(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Is(key))
            {
                yield return e;
            }
        }
    }

    /// <summary>True when the name equals <paramref name="name"/> ignoring case.</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => IsTemplate ? $"[{Name}](!)" : $"[{Name}]";
}
