namespace Switchboard.Cli;

/// <summary>
/// Busybox-style dispatch on the name the executable was started under: the image links /usr/local/bin/websms to
/// /usr/bin/switchboard, so <c>websms TO FROM BODY [INDEX]</c> (PrivateDial's <c>AGI(${APP_SMS},...)</c>) runs
/// <c>switchboard websms TO FROM BODY [INDEX]</c> (as the root command of its own command line).
/// </summary>
internal static class InvocationName
{
    /// <summary>True when the executable was started under the name websms (argv[0], any directory).</summary>
    public static bool IsWebSms(string? argv0) => string.Equals(Name(argv0), "websms", StringComparison.Ordinal);

    /// <summary>The command line for this invocation: the websms command when started as websms, else the full one.</summary>
    public static System.CommandLine.RootCommand CommandLine(string? argv0)
        => IsWebSms(argv0) ? CommandLineDefinition.BuildWebSms() : CommandLineDefinition.Build();

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
