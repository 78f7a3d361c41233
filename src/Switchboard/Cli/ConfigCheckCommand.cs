using Switchboard.Config.Snapshot;

namespace Switchboard.Cli;

/// <summary><c>switchboard config check</c>: every error and warning with file:line; exit 1 on any error.</summary>
internal static class ConfigCheckCommand
{
    public static int Run(string configDir, TextWriter output)
    {
        if (!Directory.Exists(configDir))
        {
            output.WriteLine($"{configDir}: error: configuration directory does not exist");
            return 1;
        }

        var result = ConfigChecker.Check(configDir);
        output.Write(ConfigChecker.Format(result));
        return ConfigChecker.ExitCode(result);
    }
}
