namespace Switchboard.Manager.Tests;

/// <summary>One received AMI message as lines and keys (first value wins for the indexer).</summary>
internal sealed class AmiReply(IReadOnlyList<string> lines)
{
    public IReadOnlyList<string> Lines { get; } = lines;

    public string? this[string key]
    {
        get
        {
            foreach (var v in All(key))
            {
                return v;
            }

            return null;
        }
    }

    public bool Has(string key) => this[key] is not null;

    public IEnumerable<string> All(string key)
    {
        foreach (var line in Lines)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                yield return line[(colon + 1)..].TrimStart();
            }
        }
    }

    public override string ToString() => string.Join(" | ", Lines);
}
