using Switchboard.Cli;

namespace Switchboard;

internal static class Program
{
    public static Task<int> Main(string[] args)
        // argv[0] 'websms' (the image's /usr/local/bin/websms link) runs the websms subcommand.
        // ProcessTerminationTimeout = null: the host's ShutdownCoordinator owns SIGTERM/SIGINT (exit 0 after an ordered stop).
        => InvocationName.CommandLine(InvocationName.Current()).Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });
}
