namespace Switchboard.Core.Voicemail;

/// <summary>A static minivm.conf account ([user@domain]); mailboxes without one get a temporary account.</summary>
public sealed record MiniVmAccount
{
    public required Mailbox Mailbox { get; init; }

    public string FullName { get; init; } = string.Empty;

    /// <summary>Where the notification goes; the mailbox address itself when empty.</summary>
    public string Email { get; init; } = string.Empty;

    public string? EmailTemplate { get; init; }

    public string AccountCode { get; init; } = string.Empty;

    public string PinCode { get; init; } = string.Empty;

    public string TimeZone { get; init; } = string.Empty;

    public string Language { get; init; } = string.Empty;

    /// <summary>setvar=NAME=value entries (readable with MINIVMACCOUNT(account:NAME)).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool IsStatic { get; init; }

    public string EffectiveEmail => Email.Length > 0 ? Email : Mailbox.ToString();

    public static MiniVmAccount Temporary(Mailbox mailbox) => new() { Mailbox = mailbox, FullName = mailbox.User };
}
