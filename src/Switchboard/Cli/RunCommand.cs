using Switchboard.Run;

namespace Switchboard.Cli;

/// <summary>Runs the PBX until SIGTERM/SIGINT.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(RunOptions options, CancellationToken ct)
    {
        await using var host = PbxHost.Create(options);
        return await host.RunAsync(ct).ConfigureAwait(false);
    }
}
