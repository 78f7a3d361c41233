using Switchboard.Cli;

namespace Switchboard;

internal static class Program
{
    public static Task<int> Main(string[] args) => CommandLineDefinition.Build().Parse(args).InvokeAsync();
}
