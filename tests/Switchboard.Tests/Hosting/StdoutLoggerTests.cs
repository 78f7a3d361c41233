using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Common.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.Tests.Hosting;

public sealed class StdoutLoggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 20, 30, 123, TimeSpan.Zero);

    private static string[] Capture(int syslogLevel, Action<ILoggerFactory> log)
    {
        var output = new StringWriter();
        var time = new FakeTimeProvider(Start);
        var provider = new StdoutLoggerProvider(output, syslogLevel, time);
        using (ILoggerFactory factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider)))
        {
            log(factory);
            provider.Flush(TimeSpan.FromSeconds(5));
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void One_line_per_event_with_timestamp_level_and_category()
    {
        string[] lines = Capture(8, f => f.CreateLogger("Switchboard.Sip").LogWarning("contact {Aor} expired", "alice"));
        Assert.Equal(["2026-11-23T10:20:30.123Z WARN Switchboard.Sip: contact alice expired"], lines);
    }

    [Fact]
    public void Level_filter_follows_syslog_level()
    {
        string[] lines = Capture(4, f =>
        {
            ILogger log = f.CreateLogger("x");
            log.LogInformation("info");
            log.LogWarning("warn");
            log.LogError("err");
            log.LogCritical("crit");
        });
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("ERROR x: err", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("CRIT x: crit", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Security_bans_are_always_visible()
    {
        string[] lines = Capture(0, f =>
        {
            f.CreateLogger(SecurityLog.Category).LogInformation(SecurityLog.Ban, "jailing 192.0.2.7 for 1800 s");
            f.CreateLogger("Switchboard.AutoBan").Log(LogLevel.Information, SecurityLog.Ban, "banned 192.0.2.8");
            f.CreateLogger("Switchboard.AutoBan").LogError("hidden at level 0");
        });
        Assert.Equal(2, lines.Length);
        Assert.Contains("INFO Switchboard.Security: jailing 192.0.2.7", lines[0], StringComparison.Ordinal);
        Assert.Contains("banned 192.0.2.8", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_messages_and_exceptions_stay_on_one_line()
    {
        string[] lines = Capture(8, f => f.CreateLogger("x").LogError(new InvalidOperationException("bad\nthing"), "first\r\nsecond"));
        string line = Assert.Single(lines);
        Assert.Contains("first\\nsecond [System.InvalidOperationException: bad\\nthing]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_names_are_stable()
    {
        Assert.Equal("TRACE", LogLineFormatter.LevelName(LogLevel.Trace));
        Assert.Equal("DEBUG", LogLineFormatter.LevelName(LogLevel.Debug));
        Assert.Equal("INFO", LogLineFormatter.LevelName(LogLevel.Information));
        Assert.Equal("WARN", LogLineFormatter.LevelName(LogLevel.Warning));
        Assert.Equal("ERROR", LogLineFormatter.LevelName(LogLevel.Error));
        Assert.Equal("CRIT", LogLineFormatter.LevelName(LogLevel.Critical));
    }
}
