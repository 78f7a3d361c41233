namespace Switchboard.Dialplan.Model;

/// <summary>
/// A dialplan context: its extensions in Asterisk's precedence order, its includes in written order and its
/// ignore patterns. Immutable.
/// </summary>
public sealed class Context
{
    private readonly Dictionary<string, Extension[]>.AlternateLookup<ReadOnlySpan<char>> _literals;

    /// <summary>Creates a context; <paramref name="extensions"/> must already be in precedence order.</summary>
    public Context(string name, IReadOnlyList<Extension> extensions, IReadOnlyList<Include> includes, IReadOnlyList<string> ignorePatterns, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Extensions = [.. extensions];
        var literals = new Dictionary<string, List<Extension>>(StringComparer.Ordinal);
        FirstPatternIndex = Extensions.Count;
        for (var i = 0; i < Extensions.Count; i++)
        {
            var e = Extensions[i];
            if (e.Pattern.IsPattern)
            {
                FirstPatternIndex = Math.Min(FirstPatternIndex, i);
                continue;
            }

            if (!literals.TryGetValue(e.Pattern.Key, out var list))
            {
                list = [];
                literals[e.Pattern.Key] = list;
            }

            list.Add(e);
        }

        var byKey = new Dictionary<string, Extension[]>(literals.Count, StringComparer.Ordinal);
        foreach (var (key, list) in literals)
        {
            byKey[key] = [.. list];
        }

        _literals = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Includes = [.. includes];
        IgnorePatterns = [.. ignorePatterns];
        File = file ?? string.Empty;
        Line = line;
    }

    /// <summary>The context name.</summary>
    public string Name { get; }

    /// <summary>Extensions in precedence order (literals first, then patterns most specific first).</summary>
    public IReadOnlyList<Extension> Extensions { get; }

    /// <summary>Included contexts in the order written.</summary>
    public IReadOnlyList<Include> Includes { get; }

    /// <summary>Ignore patterns (<c>ignorepat =></c>), kept for <c>dialplan show</c>.</summary>
    public IReadOnlyList<string> IgnorePatterns { get; }

    /// <summary>Where the context was first defined.</summary>
    public string File { get; }

    /// <summary>Line of the first definition.</summary>
    public int Line { get; }

    /// <summary>Index of the first pattern in <see cref="Extensions"/> (literals sort before patterns).</summary>
    internal int FirstPatternIndex { get; }

    /// <summary>The literal extensions named exactly <paramref name="dialled"/> (dashes already removed), caller-id variants first.</summary>
    internal bool TryGetLiterals(ReadOnlySpan<char> dialled, out Extension[] extensions) => _literals.TryGetValue(dialled, out extensions!);

    /// <summary>Index in the snapshot (used to guard include loops without allocating).</summary>
    internal int Index { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
