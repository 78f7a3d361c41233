namespace Switchboard.Core.Cli;

/// <summary>
/// All CLI commands by their words. Dispatch picks the command whose words are the longest prefix of the line
/// (case-insensitive), like Asterisk's CLI.
/// </summary>
public sealed class CliCommandRegistry
{
    private readonly Lock _gate = new();
    private ICliCommand[] _commands = [];

    public IReadOnlyList<ICliCommand> Commands => Volatile.Read(ref _commands);

    public void Register(ICliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            if (Array.Exists(_commands, c => SameWords(c.Words, command.Words)))
            {
                throw new InvalidOperationException("CLI command already registered: " + string.Join(' ', command.Words));
            }

            _commands = [.. _commands, command];
        }
    }

    /// <summary>Finds the command for a split line; <paramref name="args"/> are the words after the command's words.</summary>
    public ICliCommand? Find(IReadOnlyList<string> words, out IReadOnlyList<string> args)
    {
        ICliCommand? best = null;
        foreach (var c in Volatile.Read(ref _commands))
        {
            if (c.Words.Count <= words.Count && IsPrefix(c.Words, words) && (best is null || c.Words.Count > best.Words.Count))
            {
                best = c;
            }
        }

        args = best is null ? [] : words.Skip(best.Words.Count).ToArray();
        return best;
    }

    /// <summary>Runs a command line, writing its output. Unknown commands print Asterisk's message and return 1.</summary>
    public async ValueTask<int> ExecuteAsync(string line, TextWriter output, CancellationToken cancellationToken)
    {
        var words = CliLineSplitter.Split(line);
        if (words.Count == 0)
        {
            return 0;
        }

        var command = Find(words, out var args);
        if (command is null)
        {
            await output.WriteLineAsync($"No such command '{line.Trim()}' (type 'core show help {words[0]}' for other possible commands)").ConfigureAwait(false);
            return 1;
        }

        try
        {
            return await command.ExecuteAsync(args, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await output.WriteLineAsync($"Command '{line.Trim()}' failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> words)
    {
        for (int i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(prefix[i], words[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameWords(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Count == b.Count && IsPrefix(a, b);
}
