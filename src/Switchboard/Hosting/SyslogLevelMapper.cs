using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>
/// Maps SYSLOG_LEVEL (busybox <c>syslogd -l N</c>: only messages more urgent than N pass) onto
/// Microsoft.Extensions.Logging levels.
/// <code>
///  LogLevel      syslog severity   shown when SYSLOG_LEVEL >=
///  Critical      2 crit            3
///  Error         3 err             4   (default SYSLOG_LEVEL=4: errors and worse)
///  Warning       4 warning         5
///  Information   5 notice          6
///  Debug         6 info            7   (Asterisk's "verbose")
///  Trace         7 debug           8   (everything)
/// </code>
/// SYSLOG_LEVEL 0..2 shows nothing except security bans, which are always shown.
/// </summary>
internal static class SyslogLevelMapper
{
    public const int DefaultLevel = 4;
    public const int MaxLevel = 8;

    /// <summary>Syslog severity (0 = emerg .. 7 = debug) of a log level; -1 for <see cref="LogLevel.None"/>.</summary>
    public static int ToSeverity(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 5,
        LogLevel.Debug => 6,
        LogLevel.Trace => 7,
        _ => -1,
    };

    /// <summary>True when a message of <paramref name="level"/> passes <c>syslogd -l syslogLevel</c>.</summary>
    public static bool Passes(LogLevel level, int syslogLevel)
    {
        int severity = ToSeverity(level);
        return severity >= 0 && severity < syslogLevel;
    }

    /// <summary>The lowest log level that passes, or <see cref="LogLevel.None"/> when nothing does.</summary>
    public static LogLevel MinimumLevel(int syslogLevel)
    {
        for (var level = LogLevel.Trace; level <= LogLevel.Critical; level++)
        {
            if (Passes(level, syslogLevel))
            {
                return level;
            }
        }

        return LogLevel.None;
    }
}
