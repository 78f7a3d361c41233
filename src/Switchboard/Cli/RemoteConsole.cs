using Switchboard.Control;

namespace Switchboard.Cli;

/// <summary><c>switchboard -rx</c> and <c>switchboard -r</c>: talk to the running PBX over its control socket.</summary>
internal static class RemoteConsole
{
    public static async Task<int> ExecuteOnceAsync(string dataDir, string command, CancellationToken ct)
    {
        using var client = ControlClient.TryConnect(ControlProtocol.SocketPath(dataDir), out var error);
        if (client is null)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 1;
        }

        return await client.ExecuteAsync(command, Console.Out, ct).ConfigureAwait(false);
    }

    public static async Task<int> InteractiveAsync(string dataDir, CancellationToken ct)
    {
        using var client = ControlClient.TryConnect(ControlProtocol.SocketPath(dataDir), out var error);
        if (client is null)
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 1;
        }

        var prompt = Environment.MachineName + "*CLI> ";
        while (!ct.IsCancellationRequested)
        {
            await Console.Out.WriteAsync(prompt).ConfigureAwait(false);
            var line = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return 0;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await client.ExecuteAsync(line, Console.Out, ct).ConfigureAwait(false);
        }

        return 0;
    }
}
