using System.Reflection;

namespace Switchboard.Hosting;

/// <summary>
/// Seed configs compiled into the executable (config/seed/** as embedded resources named
/// <c>seed/&lt;relative path&gt;</c>, see Switchboard.csproj), so seeding works the same for
/// <c>dotnet run</c>, a published binary and the FROM-scratch image.
/// </summary>
internal sealed class EmbeddedSeedSource : ISeedSource
{
    public const string Prefix = "seed/";

    private readonly Assembly _assembly;

    private readonly string _prefix;

    public EmbeddedSeedSource(Assembly? assembly = null, string prefix = Prefix)
    {
        _assembly = assembly ?? typeof(EmbeddedSeedSource).Assembly;
        _prefix = prefix;
    }

    /// <summary>The embedded demo configuration (config/demo) that <c>switchboard</c> without arguments runs on.</summary>
    public static EmbeddedSeedSource Demo() => new(null, "demo/");

    public string Description => "built-in seed configuration";

    public IReadOnlyList<SeedFile> Files()
    {
        var files = new List<SeedFile>();
        foreach (string name in _assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(_prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string relative = name[_prefix.Length..].Replace('\\', '/');
            if (!SeedPaths.IsSafeRelative(relative))
            {
                continue;
            }

            string resource = name;
            files.Add(new SeedFile(relative, () => _assembly.GetManifestResourceStream(resource)
                ?? throw new FileNotFoundException("embedded seed resource vanished", resource)));
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
