namespace Switchboard.Core.Voicemail;

/// <summary>minivm.conf as Switchboard reads it (see <see cref="MiniVmConfigLoader"/>).</summary>
public sealed record MiniVmConfig
{
    public static MiniVmConfig Default { get; } = new();

    /// <summary>How mail is delivered; null when minivm.conf names no way (notifications then fail).</summary>
    public SmtpSettings? Smtp { get; init; }

    /// <summary>Format as configured: recordings are 8 kHz PCM WAV; with wav49 the mail attaches them as GSM in WAV.</summary>
    public string Format { get; init; } = "wav";

    /// <summary>Recordings shorter than this are discarded (MVM_RECORD_STATUS=FAILED).</summary>
    public TimeSpan MinMessage { get; init; } = TimeSpan.Zero;

    /// <summary>Longest recording; zero for no limit.</summary>
    public TimeSpan MaxMessage { get; init; } = TimeSpan.Zero;

    /// <summary>Silence that ends a recording once sound was heard; zero to ignore silence.</summary>
    public TimeSpan MaxSilence { get; init; } = TimeSpan.Zero;

    public int SilenceThreshold { get; init; } = 128;

    /// <summary>[general] maxattempts: failed deliveries before a mail is moved to the outbox's failed/ folder (0 = for ever).</summary>
    public int MailMaxAttempts { get; init; } = MailOutbox.DefaultMaxAttempts;

    /// <summary>[general] timezone: the zone of ${MVM_DATE} for accounts without their own (null = the server's zone).</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>[zonemessages] name=Zone/Id|format: zones an account's <c>timezone</c> may name (the format is for spoken dates and unused).</summary>
    public IReadOnlyDictionary<string, TimeZoneInfo> Zones { get; init; } = new Dictionary<string, TimeZoneInfo>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, MiniVmTemplate> Templates { get; init; } = new Dictionary<string, MiniVmTemplate>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, MiniVmAccount> Accounts { get; init; } = new Dictionary<string, MiniVmAccount>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The named template, else the default one ("email-default" or a built-in).</summary>
    public MiniVmTemplate? FindTemplate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Templates.TryGetValue(MiniVmTemplate.DefaultName, out var d) ? d : new MiniVmTemplate();
        }

        return Templates.TryGetValue(name.Trim(), out var t) ? t : null;
    }

    /// <summary>The zone of an account's dates: its timezone ([zonemessages] name or zone id), else [general] timezone, else null (server zone).</summary>
    public TimeZoneInfo? ZoneFor(MiniVmAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.TimeZone.Length > 0)
        {
            if (Zones.TryGetValue(account.TimeZone, out var named))
            {
                return named;
            }

            if (MiniVmDate.FindZone(account.TimeZone) is { } direct)
            {
                return direct;
            }
        }

        return TimeZone;
    }

    /// <summary>The static account of a mailbox, or a temporary one.</summary>
    public MiniVmAccount AccountFor(Mailbox mailbox)
        => Accounts.TryGetValue(mailbox.ToString(), out var a) ? a : MiniVmAccount.Temporary(mailbox);
}
