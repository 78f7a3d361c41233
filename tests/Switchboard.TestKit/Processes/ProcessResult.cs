namespace Switchboard.TestKit.Processes;

/// <summary>Exit code and captured output of a finished external process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public string Combined => StandardOutput + StandardError;

    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
