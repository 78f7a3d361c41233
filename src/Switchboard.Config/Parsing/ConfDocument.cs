namespace Switchboard.Config.Parsing;

/// <summary>A parsed configuration file with everything it includes. Immutable.</summary>
public sealed class ConfDocument
{
    internal ConfDocument(string fileName, IReadOnlyList<ConfCategory> categories, IReadOnlyList<string> files)
    {
        FileName = fileName;
        Categories = categories;
        Files = files;
    }

    /// <summary>The top-level file name.</summary>
    public string FileName { get; }

    /// <summary>Categories in file order (includes expanded in place). Names may repeat.</summary>
    public IReadOnlyList<ConfCategory> Categories { get; }

    /// <summary>Every file read: the top-level file first, then included files in the order read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The first category with that name (case-insensitive), or null.</summary>
    public ConfCategory? Find(string name)
    {
        foreach (var c in Categories)
        {
            if (c.Is(name))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Every category with that name, in order.</summary>
    public IEnumerable<ConfCategory> FindAll(string name)
    {
        foreach (var c in Categories)
        {
            if (c.Is(name))
            {
                yield return c;
            }
        }
    }

    /// <summary>Categories that are not templates.</summary>
    public IEnumerable<ConfCategory> Concrete()
    {
        foreach (var c in Categories)
        {
            if (!c.IsTemplate)
            {
                yield return c;
            }
        }
    }

    /// <summary>An empty document (file absent).</summary>
    public static ConfDocument Empty(string fileName) => new(fileName, [], []);
}
