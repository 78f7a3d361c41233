using Microsoft.Extensions.Logging;
using Switchboard.Common.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>One category's logger: level filter by SYSLOG_LEVEL, security bans always pass.</summary>
internal sealed class StdoutLogger : ILogger
{
    private readonly string _category;
    private readonly StdoutLoggerProvider _provider;
    private readonly bool _alwaysVisibleCategory;

    public StdoutLogger(string category, StdoutLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
        _alwaysVisibleCategory = SecurityLog.AlwaysVisible(category, default);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // Source-generated [LoggerMessage] methods ask IsEnabled first, so a ban logged outside the
    // security category passes only at a level SYSLOG_LEVEL lets through; a direct Log() call with the
    // ban event id passes always.
    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && (_alwaysVisibleCategory || _provider.LevelPasses(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.None)
        {
            return;
        }

        if (!_alwaysVisibleCategory && !_provider.LevelPasses(logLevel) && eventId.Id != SecurityLog.BanEventId)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        string message = formatter(state, exception);
        _provider.Write(logLevel, _category, message, exception);
    }
}
