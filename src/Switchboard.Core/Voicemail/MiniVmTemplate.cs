namespace Switchboard.Core.Voicemail;

/// <summary>A minivm.conf [template-NAME]: how the notification e-mail looks. Texts hold ${MVM_*} variables.</summary>
public sealed record MiniVmTemplate
{
    public const string DefaultName = "email-default";

    public string Name { get; init; } = DefaultName;

    public string FromEmail { get; init; } = "asterisk@localhost";

    /// <summary>The display name of the sender.</summary>
    public string FromAddress { get; init; } = "Voicemail";

    public string Subject { get; init; } = "New voicemail from ${MVM_CALLERID}";

    public string MessageBody { get; init; } =
        "Dear ${MVM_NAME}:\n\n\tjust wanted to let you know you were just left a ${MVM_DUR} long message\nfrom ${MVM_CALLERID}, on ${MVM_DATE}, so you might\nwant to check it when you get a chance.\n";

    public string Charset { get; init; } = "utf-8";

    public bool AttachMedia { get; init; } = true;

    /// <summary>strftime format of ${MVM_DATE} (MiniVM's default unless the template or [general] dateformat sets one).</summary>
    public string DateFormat { get; init; } = MiniVmDate.DefaultFormat;

    /// <summary>LC_TIME locale of ${MVM_DATE} (sv_SE ...): day and month names in that language; null = C locale.</summary>
    public string? Locale { get; init; }

    /// <summary>Extra headers are not supported; kept for diagnostics.</summary>
    public string? ContentType { get; init; }
}
