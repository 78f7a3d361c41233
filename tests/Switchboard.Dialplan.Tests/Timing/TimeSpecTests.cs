using Switchboard.Dialplan.Timing;

namespace Switchboard.Dialplan.Tests.Timing;

/// <summary>The time specification of GotoIfTime/IFTIME and time-limited includes ("Time Conditions").</summary>
public sealed class TimeSpecTests
{
    // Monday 2024-01-15.
    private static readonly DateTimeOffset Monday1030 = new(2024, 1, 15, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("all wildcards match", "*,*,*,*", 0, true)]
    [InlineData("inside office hours on a weekday", "09:00-17:00,mon-fri,*,*", 0, true)]
    [InlineData("the end minute is included (09:00-17:59 style)", "09:00-10:30,*,*,*", 0, true)]
    [InlineData("after the end minute", "09:00-10:29,*,*,*", 0, false)]
    [InlineData("weekend only", "*,sat-sun,*,*", 0, false)]
    [InlineData("ranges wrap around (fri-mon)", "*,fri-mon,*,*", 0, true)]
    [InlineData("time ranges wrap past midnight", "22:00-06:00,*,*,*", 13, true)]
    [InlineData("& joins values", "*,tue&mon,*,*", 0, true)]
    [InlineData("day of month range", "*,*,10-20,*", 0, true)]
    [InlineData("month names", "*,*,*,feb-dec", 0, false)]
    [InlineData("old | separator", "*|mon|*|jan", 0, true)]
    [InlineData("timezone field", "09:00-17:00,*,*,*,Asia/Tokyo", 0, false)]
    public void Matches(string rule, string spec, int addHours, bool expected)
    {
        Assert.True(TimeSpec.TryParse(spec, out var t, out var error), error);
        Assert.True(expected == t.Matches(Monday1030.AddHours(addHours), TimeZoneInfo.Utc), rule);
    }

    [Theory]
    [InlineData("25:00-26:00,*,*,*")]
    [InlineData("*,funday,*,*")]
    [InlineData("*,*,0-40,*")]
    [InlineData("*,*,*,*,Not/AZone")]
    public void Invalid_specs_are_reported(string spec)
    {
        Assert.False(TimeSpec.TryParse(spec, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Strftime_formats_like_c()
    {
        var t = new DateTimeOffset(2024, 1, 5, 8, 4, 9, TimeSpan.Zero);
        Assert.Equal("2024-01-05 08:04:09 Fri January", Strftime.Format(t, "%Y-%m-%d %H:%M:%S %a %B", "UTC"));
        Assert.Equal(" 5 1704441849 %", Strftime.Format(t, "%e %s %%", "UTC"));
        Assert.Equal("Fri Jan  5 08:04:09 2024", Strftime.Format(t, "%c", "UTC"));
    }
}
