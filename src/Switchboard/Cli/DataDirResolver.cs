namespace Switchboard.Cli;

/// <summary>Where the state layout lives: --data-dir, else $SWITCHBOARD_DATA_DIR, else ./switchboard-data.</summary>
internal static class DataDirResolver
{
    public const string EnvironmentVariable = "SWITCHBOARD_DATA_DIR";

    public static string Resolve(string? option)
    {
        var dir = option;
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = "switchboard-data";
        }

        return Path.GetFullPath(dir);
    }
}
