namespace Switchboard.Config.Parsing;

/// <summary>Config files held in memory, keyed by relative path (tests, embedded demo config).</summary>
public sealed class InMemoryConfigFileSource : IConfigFileSource
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>Creates an empty source.</summary>
    public InMemoryConfigFileSource()
    {
    }

    /// <summary>Creates a source from (path, text) pairs.</summary>
    public InMemoryConfigFileSource(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (path, text) in files)
        {
            Add(path, text);
        }
    }

    /// <inheritdoc />
    public string Root => "(memory)";

    /// <summary>All file paths held.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Adds or replaces a file; returns this for chaining.</summary>
    public InMemoryConfigFileSource Add(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        _files[Normalize(path)] = text;
        return this;
    }

    /// <inheritdoc />
    public bool TryRead(string path, out string text, out string? error)
    {
        error = null;
        if (_files.TryGetValue(Normalize(path), out var t))
        {
            text = t;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <inheritdoc />
    public bool Exists(string path) => _files.ContainsKey(Normalize(path));

    /// <inheritdoc />
    public IReadOnlyList<string> Expand(string pattern)
    {
        var normalized = Normalize(pattern);
        if (!GlobPattern.HasWildcards(normalized))
        {
            return _files.ContainsKey(normalized) ? [normalized] : [];
        }

        var result = new List<string>();
        foreach (var key in _files.Keys)
        {
            if (GlobPattern.IsPathMatch(normalized, key))
            {
                result.Add(key);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p;
    }
}
