using Switchboard.Core.Cdr;

namespace Switchboard.Core.Tests.Cdr;

/// <summary>cdr_csv's Master.csv line: column order, quoting, bare numbers, empty answer, usegmtime.</summary>
public sealed class CdrCsvFormatterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static CdrRecord Record() => new()
    {
        AccountCode = "acct",
        Source = "1001",
        Destination = "300",
        DestinationContext = "default",
        CallerId = "\"Alice \"A\"\" <1001>",
        Channel = "PJSIP/alice-00000001",
        DestinationChannel = "PJSIP/bob-00000002",
        LastApplication = "Dial",
        LastData = "PJSIP/bob,20",
        Start = Start,
        Answer = Start.AddSeconds(3),
        End = Start.AddSeconds(13.7),
        Disposition = "ANSWERED",
        UniqueId = "1700000000.1",
        UserField = "uf",
    };

    [Fact]
    public void Columns_follow_cdr_csv_order_with_quoted_text_and_bare_durations()
    {
        var line = CdrCsvFormatter.Format(Record(), new CdrConfig { UseGmtTime = true }, TimeZoneInfo.Utc);
        Assert.Equal(
            "\"acct\",\"1001\",\"300\",\"default\",\"\"\"Alice \"\"A\"\"\"\" <1001>\",\"PJSIP/alice-00000001\",\"PJSIP/bob-00000002\",\"Dial\",\"PJSIP/bob,20\","
            + "\"2026-11-23 10:00:00\",\"2026-11-23 10:00:03\",\"2026-11-23 10:00:13\",13,10,\"ANSWERED\",\"DOCUMENTATION\",\"1700000000.1\",\"uf\"\n",
            line);
    }

    [Fact]
    public void Unanswered_call_has_an_empty_answer_and_zero_billsec()
    {
        var r = Record();
        r.Answer = null;
        r.Disposition = "NO ANSWER";
        var line = CdrCsvFormatter.Format(r, new CdrConfig { UseGmtTime = true, LogUniqueId = false, LogUserField = false }, TimeZoneInfo.Utc);
        Assert.EndsWith(",\"2026-11-23 10:00:00\",\"\",\"2026-11-23 10:00:13\",13,0,\"NO ANSWER\",\"DOCUMENTATION\"\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_time_is_used_without_usegmtime()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        var line = CdrCsvFormatter.Format(Record(), new CdrConfig(), zone);
        Assert.Contains("\"2026-11-23 12:00:00\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Newlines_in_fields_do_not_break_the_row()
    {
        var r = Record();
        r.LastData = "a\nb";
        var line = CdrCsvFormatter.Format(r, CdrConfig.Default, TimeZoneInfo.Utc);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(true, null, 16, "ANSWERED")]
    [InlineData(false, "BUSY", 17, "BUSY")]
    [InlineData(false, "NOANSWER", 19, "NO ANSWER")]
    [InlineData(false, "CHANUNAVAIL", 20, "FAILED")]
    [InlineData(false, null, 16, "NO ANSWER")]
    [InlineData(false, null, 17, "BUSY")]
    [InlineData(false, null, 34, "FAILED")]
    public void Disposition_follows_answer_dial_status_and_cause(bool answered, string? dialStatus, int cause, string expected)
        => Assert.Equal(expected, CdrRecorder.Disposition(answered, dialStatus, cause));

    [Fact]
    public void Config_reads_general_enable_and_csv_options()
    {
        var doc = Switchboard.Config.Parsing.ConfParser.ParseText("cdr.conf", "[general]\nenable=no\n[csv]\nusegmtime=yes\nloguniqueid=no\n", new Switchboard.Config.Diagnostics.DiagnosticBag());
        var c = CdrConfig.From(doc);
        Assert.False(c.Enabled);
        Assert.True(c.UseGmtTime);
        Assert.False(c.LogUniqueId);
        Assert.True(c.LogUserField);
    }
}
