namespace Switchboard.Config.Tests;

/// <summary>Finds folders of the repository from the test output directory.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Switchboard.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SeedConfig => Path.Combine(Root, "config", "seed");

    public static string DemoConfig => Path.Combine(Root, "config", "demo");
}
