namespace Switchboard.Hosting;

/// <summary>Seed configs read from a directory (e.g. a <c>seed/</c> folder next to the binary, or tests).</summary>
internal sealed class DirectorySeedSource : ISeedSource
{
    private readonly string _root;

    public DirectorySeedSource(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public string Description => _root;

    public IReadOnlyList<SeedFile> Files()
    {
        var files = new List<SeedFile>();
        if (!Directory.Exists(_root))
        {
            return files;
        }

        foreach (string path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
            if (SeedPaths.IsSafeRelative(relative))
            {
                string full = path;
                files.Add(new SeedFile(relative, () => File.OpenRead(full)));
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
