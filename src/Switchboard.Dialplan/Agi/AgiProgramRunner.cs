using System.ComponentModel;
using System.Diagnostics;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Dialplan.Agi;

/// <summary>
/// Runs a local AGI program: the environment and replies go to its stdin, commands come from its stdout, each
/// stderr line is logged. The program is killed (with its children) when the session ends and it has not exited
/// within a short grace time, so a stuck script never holds the call.
/// </summary>
internal static class AgiProgramRunner
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

    public static async Task<string> RunAsync(DialplanContext context, AgiTarget target, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!File.Exists(target.Program))
        {
            AgiLog.ProgramNotFound(context.Logger, target.Program);
            return AgiStatus.NotFound;
        }

        var start = new ProcessStartInfo(target.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            AgiLog.ProgramFailed(context.Logger, target.Program, e.Message);
            return AgiStatus.Failure;
        }

        if (process is null)
        {
            AgiLog.ProgramFailed(context.Logger, target.Program, "the process did not start");
            return AgiStatus.Failure;
        }

        string status;
        using (process)
        {
            var stderr = PumpErrorsAsync(context, target.Program, process.StandardError);
            int commands = 0;
            bool killed;
            try
            {
                var session = new AgiSession(context, process.StandardOutput.BaseStream, process.StandardInput.BaseStream, isNetwork: false, abort: () => Kill(process));
                await session.RunAsync(AgiEnvironment.Build(context, target, args), cancellationToken).ConfigureAwait(false);
                commands = session.CommandCount;
            }
            finally
            {
                killed = await StopAsync(process).ConfigureAwait(false);
                await stderr.ConfigureAwait(false);
            }

            // As res_agi: a program that ran to its end with a non-zero exit status failed (websms: the ITSP refused).
            status = context.Channel.IsHungUp ? AgiStatus.Hangup : AgiStatus.Success;
            if (!killed && process.ExitCode != 0 && status == AgiStatus.Success)
            {
                AgiLog.ExitedWithError(context.Logger, target.Program, context.Channel.Name, process.ExitCode);
                status = AgiStatus.Failure;
            }

            AgiLog.Completed(context.Logger, target.Request, context.Channel.Name, status, commands);
        }

        return status;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>Closes stdin and waits a short grace time for the exit; true when the program had to be killed.</summary>
    private static async Task<bool> StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program closed its stdin already.
        }

        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
    }

    private static async Task PumpErrorsAsync(DialplanContext context, string program, StreamReader stderr)
    {
        var lines = 0;
        try
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                // A chatty script must not flood the log: the first 100 lines are enough to diagnose it.
                if (++lines <= 100)
                {
                    AgiLog.ScriptError(context.Logger, context.Channel.Name, program, line.Length > 500 ? line[..500] : line);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe closed with the process.
        }
    }
}
