using Microsoft.Extensions.Logging;

namespace Switchboard.AutoBan.Tests.Support;

/// <summary>Keeps every log line (level and formatted message) for assertions.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToArray();
            }
        }
    }

    public IEnumerable<string> At(LogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _lines.Add((logLevel, formatter(state, exception)));
        }
    }
}
