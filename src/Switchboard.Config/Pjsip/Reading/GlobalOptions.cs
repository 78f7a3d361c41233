namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The global options we read.</summary>
internal static class GlobalOptions
{
    private static readonly string[] OverloadMethods = ["INVITE", "REGISTER", "SUBSCRIBE", "MESSAGE", "OPTIONS", "PUBLISH", "REFER", "NOTIFY", "INFO"];

    private static readonly Dictionary<string, string> Triggers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["global"] = "global",
        ["pjsip_only"] = "pjsip_only",
        ["none"] = "none",
    };

    private static readonly string[] Identifiers = ["ip", "username", "anonymous", "header", "auth_username", "request_uri"];

    public static OptionTable<PjsipGlobal> Table { get; } = new OptionTable<PjsipGlobal>()
        .Add("user_agent", (o, e, r) => o with { UserAgent = e.Value })
        .Add("default_outbound_endpoint", (o, e, r) => o with { DefaultOutboundEndpoint = e.Value })
        .Add("max_forwards", (o, e, r) => o with { MaxForwards = r.UInt(e, o.MaxForwards, 255) })
        .Add("endpoint_identifier_order", (o, e, r) =>
        {
            var items = OptionReader.List(e.Value);
            foreach (var item in items)
            {
                if (Array.IndexOf(Identifiers, item.ToLowerInvariant()) < 0)
                {
                    r.Warning(e, $"unknown endpoint identifier '{item}' in endpoint_identifier_order");
                }
            }

            return o with { EndpointIdentifierOrder = items };
        })
        .Add("default_realm", (o, e, r) => o with { DefaultRealm = e.Value })
        .Add("keep_alive_interval", (o, e, r) => o with { KeepAliveIntervalSeconds = r.UInt(e, o.KeepAliveIntervalSeconds) })
        .Add("default_from_user", (o, e, r) => o with { DefaultFromUser = e.Value })
        .Add("default_voicemail_extension", (o, e, r) => o with { DefaultVoicemailExtension = e.Value })
        .Add("debug", (o, e, r) => o with { Debug = e.Value })
        .Add("taskprocessor_overload_trigger", (o, e, r) => o with { Overload = o.Overload with { Trigger = r.Choice(e, Triggers, o.Overload.Trigger) } })
        .Add("overload_delay_high", (o, e, r) => o with { Overload = o.Overload with { DelayHighMs = r.UInt(e, o.Overload.DelayHighMs) } })
        .Add("overload_delay_low", (o, e, r) => o with { Overload = o.Overload with { DelayLowMs = r.UInt(e, o.Overload.DelayLowMs) } })
        .Add("overload_backlog_high", (o, e, r) => o with { Overload = o.Overload with { BacklogHighMs = r.UInt(e, o.Overload.BacklogHighMs) } })
        .Add("overload_backlog_low", (o, e, r) => o with { Overload = o.Overload with { BacklogLowMs = r.UInt(e, o.Overload.BacklogLowMs) } })
        .Add("overload_invites_high", (o, e, r) => o with { Overload = o.Overload with { InvitesHigh = r.UInt(e, o.Overload.InvitesHigh) } })
        .Add("overload_invites_low", (o, e, r) => o with { Overload = o.Overload with { InvitesLow = r.UInt(e, o.Overload.InvitesLow) } })
        .Add("overload_queue_high", (o, e, r) => o with { Overload = o.Overload with { QueueHigh = r.UInt(e, o.Overload.QueueHigh) } })
        .Add("overload_queue_low", (o, e, r) => o with { Overload = o.Overload with { QueueLow = r.UInt(e, o.Overload.QueueLow) } })
        .Add("overload_min_duration", (o, e, r) => o with { Overload = o.Overload with { MinDurationMs = r.UInt(e, o.Overload.MinDurationMs) } })
        .Add("overload_retry_after", (o, e, r) => o with { Overload = o.Overload with { RetryAfterSeconds = r.UInt(e, o.Overload.RetryAfterSeconds, 86400) } })
        .Add("overload_methods", (o, e, r) =>
        {
            var items = OptionReader.List(e.Value.ToUpperInvariant());
            foreach (var item in items)
            {
                if (Array.IndexOf(OverloadMethods, item) < 0)
                {
                    r.Warning(e, $"overload_methods: '{item}' is not an out-of-dialog request method we can refuse; ignored");
                }
            }

            return o with { Overload = o.Overload with { Methods = Array.FindAll(items, i => Array.IndexOf(OverloadMethods, i) >= 0) } };
        })
        .Unsupported(
            "contact_expiration_check_interval", "disable_multi_domain", "max_initial_qualify_time", "unidentified_request_period",
            "unidentified_request_count", "unidentified_request_prune_interval", "mwi_tps_queue_high", "mwi_tps_queue_low",
            "mwi_disable_initial_unsolicited", "ignore_uri_user_options", "use_callerid_contact", "send_contact_status_on_update_registration",
            "norefersub", "allow_sending_180_after_183", "all_codecs_on_empty_reinvite",
            "regcontext", "feature_digit_timeout", "tenantid");
}
