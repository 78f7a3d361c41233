namespace Switchboard.Hosting;

/// <summary>Outcome of one hook program.</summary>
/// <param name="Path">Full path of the hook.</param>
/// <param name="ExitCode">Its exit code; null when it could not start or timed out.</param>
/// <param name="Error">Why it failed to start or was killed; null on a normal exit.</param>
internal sealed record HookResult(string Path, int? ExitCode, string? Error)
{
    public bool Succeeded => ExitCode == 0;
}
