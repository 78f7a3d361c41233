using Microsoft.Extensions.Logging;

namespace Switchboard.Dialplan.Tests.TestSupport;

/// <summary>Keeps log lines ("Warning: text") so tests can check what was reported.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }

    public bool Contains(string text)
    {
        lock (Lines)
        {
            return Lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
        }
    }
}
