using Switchboard.Config.Diagnostics;
using Switchboard.Config.Parsing;
using Switchboard.Core.Voicemail;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>
/// ${MVM_DATE}: MiniVM formats the message time with strftime(3) using the template's dateformat (default
/// "%A, %B %d, %Y at %r"), LC_TIME switched to the template's locale, in the account's zone (timezone naming a
/// [zonemessages] entry).
/// </summary>
public sealed class MiniVmDateTests
{
    // Monday 15 January 2024, 14:05:09 UTC.
    private static readonly DateTimeOffset Time = new(2024, 1, 15, 14, 5, 9, TimeSpan.Zero);

    [Theory]
    [InlineData("%A", "Monday")]
    [InlineData("%a", "Mon")]
    [InlineData("%B", "January")]
    [InlineData("%b", "Jan")]
    [InlineData("%h", "Jan")]
    [InlineData("%d", "15")]
    [InlineData("%e", "15")]
    [InlineData("%m", "01")]
    [InlineData("%Y", "2024")]
    [InlineData("%y", "24")]
    [InlineData("%H:%M:%S", "14:05:09")]
    [InlineData("%I %p", "02 PM")]
    [InlineData("%r", "02:05:09 PM")]
    [InlineData("%R", "14:05")]
    [InlineData("%T", "14:05:09")]
    [InlineData("%F", "2024-01-15")]
    [InlineData("%D", "01/15/24")]
    [InlineData("%j", "015")]
    [InlineData("%u %w", "1 1")]
    [InlineData("%z %Z", "+0000 UTC")]
    [InlineData("100%%", "100%")]
    [InlineData(MiniVmDate.DefaultFormat, "Monday, January 15, 2024 at 02:05:09 PM")]
    public void C_locale_tokens_are_strftime(string format, string expected)
        => Assert.Equal(expected, MiniVmDate.Format(Time, format, null, "UTC"));

    [Theory]
    [InlineData("sv_SE", "%A, %d %B %Y at %H:%M:%S", "måndag, 15 januari 2024 at 14:05:09")]
    [InlineData("sv_SE.UTF-8", "%a %e %b", "mån 15 jan")]
    [InlineData("de_DE", "%A, %d. %B %Y", "Montag, 15. Januar 2024")]
    [InlineData("fr_FR", "%A %d %B", "lundi 15 janvier")]
    [InlineData("C", "%A %B", "Monday January")]
    [InlineData("xx_YY", "%A %B", "Monday January")]
    public void Locale_names_days_and_months(string locale, string format, string expected)
        => Assert.Equal(expected, MiniVmDate.Format(Time, format, locale, "UTC"));

    [Fact]
    public void The_time_is_converted_to_the_zone_and_the_mail_date_carries_its_offset()
    {
        var zone = MiniVmDate.FindZone("Europe/Stockholm");
        Assert.NotNull(zone);
        var (local, _) = MiniVmDate.InZone(Time, zone);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 15, 5, 9, TimeSpan.FromHours(1)), local);
        Assert.Equal("15:05 +0100", MiniVmDate.Format(local, "%H:%M %z", null, "CET"));
        Assert.Equal("UTC", MiniVmDate.InZone(Time, TimeZoneInfo.Utc).Abbreviation);
        Assert.Null(MiniVmDate.FindZone("Mars/Olympus_Mons"));
    }

    [Fact]
    public void General_dateformat_locale_and_zonemessages_apply_to_the_notification()
    {
        var bag = new DiagnosticBag();
        var doc = ConfParser.ParseText("minivm.conf", """
            [general]
            dateformat = %Y-%m-%d %H:%M
            locale = de_DE
            timezone = UTC

            [zonemessages]
            swedish = Europe/Stockholm|'vm-received' Q 'digits/at' HM
            nowhere = Mars/Olympus_Mons|'vm-received'

            [template-plain]
            subject = x

            [template-own]
            dateformat = %A %H:%M
            locale = sv_SE

            [ann@example.com]
            timezone = swedish

            [bob@example.com]
            """, bag);
        var diagnostics = new List<ConfigDiagnostic>();
        var config = MiniVmConfigLoader.Load(doc, diagnostics.Add);
        var warning = Assert.Single(diagnostics);
        Assert.Contains("Mars/Olympus_Mons", warning.Message, StringComparison.Ordinal);
        Assert.Equal(8, warning.Line);

        var plain = config.FindTemplate("plain")!;
        Assert.Equal(("%Y-%m-%d %H:%M", "de_DE"), (plain.DateFormat, plain.Locale));
        var own = config.FindTemplate("own")!;
        Assert.Equal(("%A %H:%M", "sv_SE"), (own.DateFormat, own.Locale));

        Assert.True(Mailbox.TryParse("ann@example.com", out var ann, out _));
        Assert.True(Mailbox.TryParse("bob@example.com", out var bob, out _));
        var annAccount = config.AccountFor(ann);
        Assert.Equal("måndag 15:05", Date(annAccount, own, config));
        Assert.Equal("2024-01-15 15:05", Date(annAccount, plain, config));
        Assert.Equal("2024-01-15 14:05", Date(config.AccountFor(bob), plain, config));
    }

    [Fact]
    public void Without_a_template_dateformat_the_default_is_minivms()
        => Assert.Equal("%A, %B %d, %Y at %r", new MiniVmTemplate().DateFormat);

    private static string Date(MiniVmAccount account, MiniVmTemplate template, MiniVmConfig config)
        => MailComposer.FormatDate(new VoicemailMessage { Account = account, Template = template, Time = Time, Zone = config.ZoneFor(account) });
}
