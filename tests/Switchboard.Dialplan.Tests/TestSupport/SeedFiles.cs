using Switchboard.Config.Parsing;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>Locates the shipped config/ folder of the repository.</summary>
internal static class SeedFiles
{
    public static string ConfigRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "config", "seed")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "config");
        }
    }

    public static InMemoryConfigFileSource Folder(string name)
    {
        var source = new InMemoryConfigFileSource();
        foreach (var file in Directory.GetFiles(Path.Combine(ConfigRoot, name), "*.conf"))
        {
            source.Add(Path.GetFileName(file), File.ReadAllText(file));
        }

        return source;
    }
}
