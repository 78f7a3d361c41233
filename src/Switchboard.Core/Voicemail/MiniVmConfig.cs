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

    /// <summary>The static account of a mailbox, or a temporary one.</summary>
    public MiniVmAccount AccountFor(Mailbox mailbox)
        => Accounts.TryGetValue(mailbox.ToString(), out var a) ? a : MiniVmAccount.Temporary(mailbox);
}
