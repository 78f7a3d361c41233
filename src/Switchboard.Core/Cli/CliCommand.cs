namespace Switchboard.Core.Cli;

/// <summary>A CLI command defined by a delegate.</summary>
public sealed class CliCommand(
    string words,
    string summary,
    Func<IReadOnlyList<string>, TextWriter, CancellationToken, ValueTask<int>> handler,
    string? usage = null) : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string Summary { get; } = summary;

    public string Usage { get; } = usage ?? "Usage: " + words;

    public ValueTask<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
        => handler(args, output, cancellationToken);

    /// <summary>Convenience for synchronous commands.</summary>
    public static CliCommand Sync(string words, string summary, Action<IReadOnlyList<string>, TextWriter> handler, string? usage = null)
        => new(words, summary, (a, o, _) =>
        {
            handler(a, o);
            return ValueTask.FromResult(0);
        }, usage);
}
