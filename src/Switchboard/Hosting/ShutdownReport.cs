namespace Switchboard.Hosting;

/// <summary>What a shutdown run did. The exit code is 0 even when steps failed: the stop was asked for.</summary>
internal sealed record ShutdownReport(IReadOnlyList<string> Completed, IReadOnlyList<string> Failed, IReadOnlyList<string> Skipped, TimeSpan Took)
{
    public int ExitCode => 0;
}
