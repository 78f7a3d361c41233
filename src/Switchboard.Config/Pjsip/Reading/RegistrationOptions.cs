namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The registration options we read.</summary>
internal static class RegistrationOptions
{
    public static OptionTable<PjsipRegistration> Table { get; } = new OptionTable<PjsipRegistration>()
        .Add("server_uri", (o, e, r) => o with { ServerUri = e.Value })
        .Add("client_uri", (o, e, r) => o with { ClientUri = e.Value })
        .Add("contact_user", (o, e, r) => o with { ContactUser = e.Value })
        .Add("outbound_auth", (o, e, r) => o with { OutboundAuths = OptionReader.List(e.Value) })
        .Add("transport", (o, e, r) => o with { Transport = e.Value })
        .Add("expiration", (o, e, r) => o with { Expiration = r.UInt(e, o.Expiration) })
        .Add("retry_interval", (o, e, r) => o with { RetryInterval = r.UInt(e, o.RetryInterval) })
        .Add("forbidden_retry_interval", (o, e, r) => o with { ForbiddenRetryInterval = r.UInt(e, o.ForbiddenRetryInterval) })
        .Add("fatal_retry_interval", (o, e, r) => o with { FatalRetryInterval = r.UInt(e, o.FatalRetryInterval) })
        .Add("max_retries", (o, e, r) => o with { MaxRetries = r.UInt(e, o.MaxRetries) })
        .Add("auth_rejection_permanent", (o, e, r) => o with { AuthRejectionPermanent = r.Bool(e, o.AuthRejectionPermanent) })
        .Add("line", (o, e, r) => o with { Line = r.Bool(e, o.Line) })
        .Add("endpoint", (o, e, r) => o with { Endpoint = e.Value })
        .Add("outbound_proxy", (o, e, r) => o with { OutboundProxy = e.Value })
        .Add("support_path", (o, e, r) => o with { SupportPath = r.Bool(e, o.SupportPath) })
        .Unsupported("contact_header_params", "security_negotiation", "security_mechanisms", "user_agent", "max_random_initial_delay");
}
