using System.Diagnostics;

namespace Switchboard.Media.Tests.Support;

/// <summary>Finds and runs the real tools the tests use (sox, sipp); tests skip with a reason when one is absent.</summary>
internal static class Tools
{
    public const string SipTesterDirectory = "/usr/share/sip-tester";
    public const string SoundsDirectory = "/usr/share/asterisk/sounds";

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Runs a tool to completion (bounded by <paramref name="timeout"/>) and returns exit code and stderr.</summary>
    public static (int ExitCode, string Error) Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stderr.Result);
    }
}
