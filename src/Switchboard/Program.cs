using Switchboard.Cli;

namespace Switchboard;

internal static class Program
{
    public static Task<int> Main(string[] args)
        // ProcessTerminationTimeout = null: the host's ShutdownCoordinator owns SIGTERM/SIGINT (exit 0 after an ordered stop).
        => CommandLineDefinition.Build().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });
}
