namespace Switchboard.TestKit.Tools;

/// <summary>Finds real tools (sipp, baresip, svcrack, nft ...) on PATH so interop tests can skip with a reason when absent.</summary>
public static class ExternalTool
{
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"]))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    public static bool Exists(string name) => Find(name) is not null;

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetUid() == 0;

    private static int GetUid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }
}
