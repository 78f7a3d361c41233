namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The aor options we read.</summary>
internal static class AorOptions
{
    public static OptionTable<PjsipAor> Table { get; } = new OptionTable<PjsipAor>()
        .Add("max_contacts", (o, e, r) => o with { MaxContacts = r.UInt(e, o.MaxContacts) })
        .Add("remove_existing", (o, e, r) => o with { RemoveExisting = r.Bool(e, o.RemoveExisting) })
        .Add("remove_unavailable", (o, e, r) => o with { RemoveUnavailable = r.Bool(e, o.RemoveUnavailable) })
        .Add("minimum_expiration", (o, e, r) => o with { MinimumExpiration = r.UInt(e, o.MinimumExpiration) })
        .Add("maximum_expiration", (o, e, r) => o with { MaximumExpiration = r.UInt(e, o.MaximumExpiration) })
        .Add("default_expiration", (o, e, r) => o with { DefaultExpiration = r.UInt(e, o.DefaultExpiration) })
        .Add("qualify_frequency", (o, e, r) => o with { QualifyFrequency = r.UInt(e, o.QualifyFrequency, 86400) })
        .Add("qualify_timeout", (o, e, r) => o with { QualifyTimeout = r.UDouble(e, o.QualifyTimeout) })
        .Add("authenticate_qualify", (o, e, r) => o with { AuthenticateQualify = r.Bool(e, o.AuthenticateQualify) })
        .Add("contact", (o, e, r) => o with { Contacts = OptionReader.Append(o.Contacts, e.Value) })
        .Add("mailboxes", (o, e, r) => o with { Mailboxes = OptionReader.List(e.Value) })
        .Add("outbound_proxy", (o, e, r) => o with { OutboundProxy = e.Value })
        .Add("support_path", (o, e, r) => o with { SupportPath = r.Bool(e, o.SupportPath) })
        .Add("voicemail_extension", (o, e, r) => o with { VoicemailExtension = e.Value })
        .Unsupported("qualify_2xx_only");
}
