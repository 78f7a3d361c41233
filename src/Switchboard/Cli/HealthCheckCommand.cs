namespace Switchboard.Cli;

/// <summary><c>switchboard healthcheck</c>: sends a real OPTIONS to the configured SIP transport.</summary>
internal static class HealthCheckCommand
{
    public static Task<int> RunAsync(string dataDir, string? configDir, TimeSpan timeout, CancellationToken ct)
    {
        Console.Error.WriteLine("healthcheck: SIP stack not available");
        return Task.FromResult(1);
    }
}
