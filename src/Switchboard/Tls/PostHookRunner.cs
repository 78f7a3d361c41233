using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tls;

/// <summary>
/// Runs ACME_POSTHOOK after a new ACME certificate was taken: through <c>/bin/sh -c</c> when the
/// image has a shell, else split on spaces and executed directly (the minimal image has no shell).
/// </summary>
internal static class PostHookRunner
{
    public static Task<HookResult> RunAsync(string command, ILogger log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (File.Exists("/bin/sh"))
        {
            return ProcessRunner.RunAsync("/bin/sh", ["-c", command], "ACME_POSTHOOK", log, timeout, null, cancellationToken);
        }

        string[] parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ProcessRunner.RunAsync(parts[0], parts[1..], "ACME_POSTHOOK", log, timeout, null, cancellationToken);
    }
}
