namespace Switchboard.Config.Parsing;

/// <summary>One <c>key = value</c> (or <c>key =&gt; value</c>) line of a category.</summary>
/// <param name="Key">The key, trimmed (case is kept; lookups ignore case).</param>
/// <param name="Value">The value, trimmed, with <c>\;</c> unescaped and comments removed.</param>
/// <param name="IsObjectArrow">True when written with <c>=&gt;</c>.</param>
/// <param name="File">File the line is in.</param>
/// <param name="Line">1-based line number.</param>
public sealed record ConfEntry(string Key, string Value, bool IsObjectArrow, string File, int Line)
{
    /// <summary>True when the entry was copied from a template (<c>[cat](tmpl)</c>).</summary>
    public bool IsInherited { get; init; }

    /// <summary>Compares the key ignoring case.</summary>
    public bool Is(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{Key} {(IsObjectArrow ? "=>" : "=")} {Value}";
}
