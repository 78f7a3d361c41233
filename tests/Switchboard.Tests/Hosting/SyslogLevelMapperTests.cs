using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class SyslogLevelMapperTests
{
    [Theory]
    [InlineData(0, LogLevel.None)]
    [InlineData(1, LogLevel.None)]
    [InlineData(2, LogLevel.None)]
    [InlineData(3, LogLevel.Critical)]
    [InlineData(4, LogLevel.Error)]
    [InlineData(5, LogLevel.Warning)]
    [InlineData(6, LogLevel.Information)]
    [InlineData(7, LogLevel.Debug)]
    [InlineData(8, LogLevel.Trace)]
    public void Minimum_level_follows_busybox_syslogd_l(int syslogLevel, LogLevel minimum) =>
        Assert.Equal(minimum, SyslogLevelMapper.MinimumLevel(syslogLevel));

    [Fact]
    public void Only_messages_more_urgent_than_the_level_pass()
    {
        // SYSLOG_LEVEL=4 passes emerg..err (0..3): Error and Critical, not Warning.
        Assert.True(SyslogLevelMapper.Passes(LogLevel.Error, 4));
        Assert.True(SyslogLevelMapper.Passes(LogLevel.Critical, 4));
        Assert.False(SyslogLevelMapper.Passes(LogLevel.Warning, 4));
        Assert.False(SyslogLevelMapper.Passes(LogLevel.None, 8));
        Assert.True(SyslogLevelMapper.Passes(LogLevel.Trace, 8));
    }

    [Fact]
    public void Severities_are_ordered_like_syslog()
    {
        Assert.Equal(2, SyslogLevelMapper.ToSeverity(LogLevel.Critical));
        Assert.Equal(3, SyslogLevelMapper.ToSeverity(LogLevel.Error));
        Assert.Equal(4, SyslogLevelMapper.ToSeverity(LogLevel.Warning));
        Assert.Equal(5, SyslogLevelMapper.ToSeverity(LogLevel.Information));
        Assert.Equal(6, SyslogLevelMapper.ToSeverity(LogLevel.Debug));
        Assert.Equal(7, SyslogLevelMapper.ToSeverity(LogLevel.Trace));
    }
}
