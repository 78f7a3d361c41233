namespace Switchboard.Config.Parsing;

/// <summary>Config files read from a directory on disk; relative paths resolve against it.</summary>
public sealed class DirectoryConfigFileSource : IConfigFileSource
{
    /// <summary>Creates a source rooted at <paramref name="directory"/>.</summary>
    public DirectoryConfigFileSource(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Root = Path.GetFullPath(directory);
    }

    /// <inheritdoc />
    public string Root { get; }

    /// <inheritdoc />
    public bool TryRead(string path, out string text, out string? error)
    {
        var full = Resolve(path);
        text = string.Empty;
        error = null;
        try
        {
            // Read directly rather than File.Exists first: Exists says "no" for a file in an unreadable
            // directory, and the operator must be told "permission denied", not "file not found".
            text = File.ReadAllText(full);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException ex)
        {
            error = ex.Message;
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public bool Exists(string path) => File.Exists(Resolve(path));

    /// <inheritdoc />
    public IReadOnlyList<string> Expand(string pattern)
    {
        if (!GlobPattern.HasWildcards(pattern))
        {
            return Exists(pattern) ? [pattern] : [];
        }

        var absolute = Path.IsPathRooted(pattern);
        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<string>();
        Walk(absolute ? "/" : Root, absolute ? "/" : string.Empty, segments, 0, results);
        results.Sort(StringComparer.Ordinal);
        return results;
    }

    private static void Walk(string dir, string prefix, string[] segments, int index, List<string> results)
    {
        var seg = segments[index];
        var last = index == segments.Length - 1;
        if (!GlobPattern.HasWildcards(seg))
        {
            var next = Path.Combine(dir, seg);
            if (last)
            {
                if (File.Exists(next))
                {
                    results.Add(Join(prefix, seg));
                }
            }
            else if (Directory.Exists(next))
            {
                Walk(next, Join(prefix, seg), segments, index + 1, results);
            }

            return;
        }

        IEnumerable<string> entries;
        try
        {
            entries = last ? Directory.EnumerateFiles(dir) : Directory.EnumerateDirectories(dir);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.') && !seg.StartsWith('.'))
                {
                    continue;
                }

                if (!GlobPattern.IsMatch(seg, name))
                {
                    continue;
                }

                if (last)
                {
                    results.Add(Join(prefix, name));
                }
                else
                {
                    Walk(entry, Join(prefix, name), segments, index + 1, results);
                }
            }
        }
        catch (IOException)
        {
            // Directory vanished or unreadable: treat as no match.
        }
        catch (UnauthorizedAccessException)
        {
            // Unreadable directory: no match.
        }
    }

    private static string Join(string prefix, string name) =>
        prefix.Length == 0 ? name : prefix.EndsWith('/') ? prefix + name : prefix + "/" + name;

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(Root, path);
}
