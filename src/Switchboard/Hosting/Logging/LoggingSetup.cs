using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting.Logging;

/// <summary>Builds the process's logger factory: stdout lines, SYSLOG_LEVEL filter.</summary>
internal static class LoggingSetup
{
    /// <summary>
    /// Creates the logger factory. Keep the returned provider to <see cref="StdoutLoggerProvider.Flush"/>
    /// it at shutdown; dispose the factory last.
    /// </summary>
    public static ILoggerFactory CreateFactory(HostEnvironment env, out StdoutLoggerProvider provider, TextWriter? output = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        var stdout = output ?? new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var created = new StdoutLoggerProvider(stdout, env.SyslogLevel, time);
        provider = created;
        return LoggerFactory.Create(builder =>
        {
            // The provider filters by SYSLOG_LEVEL itself; the factory must let everything reach it.
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddProvider(created);
        });
    }
}
