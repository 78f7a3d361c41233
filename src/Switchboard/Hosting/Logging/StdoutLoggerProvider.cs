using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Logger provider that prints one line per event to stdout (see <see cref="LogLineFormatter"/>),
/// filtered by SYSLOG_LEVEL (<see cref="SyslogLevelMapper"/>); security bans always pass
/// (<see cref="Switchboard.Common.Logging.SecurityLog"/>).
/// </summary>
internal sealed class StdoutLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, StdoutLogger> _loggers = new(StringComparer.Ordinal);
    private readonly LogLineWriter _writer;
    private readonly LogLineFormatter _formatter;
    private readonly TimeProvider _time;
    private readonly int _syslogLevel;

    public StdoutLoggerProvider(TextWriter output, int syslogLevel, TimeProvider? time = null)
    {
        _writer = new LogLineWriter(output);
        _syslogLevel = syslogLevel;
        _time = time ?? TimeProvider.System;
        _formatter = new LogLineFormatter { IncludeStackTraces = syslogLevel >= SyslogLevelMapper.MaxLevel };
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, self) => new StdoutLogger(name, self), this);

    internal bool LevelPasses(LogLevel level) => SyslogLevelMapper.Passes(level, _syslogLevel);

    internal void Write(LogLevel level, string category, string message, Exception? exception) =>
        _writer.Enqueue(_formatter.Format(_time.GetUtcNow(), level, category, message, exception));

    /// <summary>Waits until every queued line is written (shutdown, tests).</summary>
    public void Flush(TimeSpan timeout) => _writer.Flush(timeout);

    public void Dispose() => _writer.Dispose();
}
