namespace Switchboard.Cli;

/// <summary>
/// Busybox-style dispatch on the name the executable was started under: the image links /usr/local/bin/websms to
/// /usr/bin/switchboard, so <c>websms TO FROM BODY [INDEX]</c> (PrivateDial's <c>AGI(${APP_SMS},...)</c>) runs
/// <c>switchboard websms TO FROM BODY [INDEX]</c>.
/// </summary>
internal static class InvocationName
{
    /// <summary>Names that stand for a subcommand when the executable is started under them.</summary>
    private static readonly string[] Subcommands = ["websms"];

    /// <summary>The arguments to parse: <paramref name="args"/>, prefixed with the subcommand argv[0] names.</summary>
    public static string[] Arguments(string? argv0, string[] args)
    {
        var name = Name(argv0);
        foreach (var subcommand in Subcommands)
        {
            if (string.Equals(name, subcommand, StringComparison.Ordinal))
            {
                return [subcommand, .. args];
            }
        }

        return args;
    }

    /// <summary>
    /// argv[0] as exec'd: the first entry of /proc/self/cmdline on Linux (a symlink keeps its own name there, unlike
    /// Environment.ProcessPath), else Environment.GetCommandLineArgs()[0].
    /// </summary>
    public static string? Current()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var cmdline = File.ReadAllBytes("/proc/self/cmdline");
                int end = Array.IndexOf(cmdline, (byte)0);
                return System.Text.Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No /proc (restricted sandbox): fall back to what the runtime reports.
            }
        }

        var args = Environment.GetCommandLineArgs();
        return args.Length > 0 ? args[0] : null;
    }

    private static string Name(string? argv0)
    {
        if (string.IsNullOrEmpty(argv0))
        {
            return string.Empty;
        }

        // A login-shell style leading '-' is not part of the name.
        var name = Path.GetFileName(argv0.TrimEnd('/'));
        return name.StartsWith('-') ? name[1..] : name;
    }
}
