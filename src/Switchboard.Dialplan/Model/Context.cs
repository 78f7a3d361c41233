namespace Switchboard.Dialplan.Model;

/// <summary>
/// A dialplan context: its extensions in Asterisk's precedence order, its includes in written order and its
/// ignore patterns. Immutable.
/// </summary>
public sealed class Context
{
    /// <summary>Creates a context; <paramref name="extensions"/> must already be in precedence order.</summary>
    public Context(string name, IReadOnlyList<Extension> extensions, IReadOnlyList<Include> includes, IReadOnlyList<string> ignorePatterns, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Extensions = [.. extensions];
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

    /// <summary>Index in the snapshot (used to guard include loops without allocating).</summary>
    internal int Index { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
