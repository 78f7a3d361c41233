using System.Diagnostics;

namespace Switchboard.TestKit.Netns;

/// <summary>Runs a program without a shell and collects its exit code and output, with a time limit.</summary>
public static class ExternalCommand
{
    public static CommandResult Run(string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + fileName);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            if (standardInput is not null)
            {
                p.StandardInput.Write(standardInput);
            }

            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // the program exited early; its exit code says why
        }

        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new CommandResult(-1, stdout.Result, stderr.Result + "\n(killed: time limit)");
        }

        return new CommandResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Like <see cref="Run"/> but throws with the program's output when it fails.</summary>
    public static string Check(string fileName, params string[] arguments)
    {
        var r = Run(fileName, arguments);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({r.ExitCode}): {r.Error}{r.Output}");
        }

        return r.Output;
    }

    /// <summary>Finds a program on PATH (and in the sbin directories); null when absent.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        foreach (var d in dirs)
        {
            var path = Path.Combine(d, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
