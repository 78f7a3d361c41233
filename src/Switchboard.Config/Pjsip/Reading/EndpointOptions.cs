using Switchboard.Config.Parsing;
using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip.Reading;

/// <summary>The endpoint options we read, with Asterisk's names.</summary>
internal static class EndpointOptions
{
    private static readonly Dictionary<string, DtmfMode> DtmfModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rfc4733"] = DtmfMode.Rfc4733, ["inband"] = DtmfMode.Inband, ["info"] = DtmfMode.Info,
        ["auto"] = DtmfMode.Auto, ["auto_info"] = DtmfMode.AutoInfo,
    };

    private static readonly Dictionary<string, MediaEncryption> Encryptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["no"] = MediaEncryption.No, ["sdes"] = MediaEncryption.Sdes, ["dtls"] = MediaEncryption.Dtls,
    };

    private static readonly Dictionary<string, Rel100Mode> Rel100Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["no"] = Rel100Mode.No, ["yes"] = Rel100Mode.Yes, ["required"] = Rel100Mode.Required,
        ["peer_supported"] = Rel100Mode.PeerSupported,
    };

    private static readonly Dictionary<string, SessionTimersMode> TimerModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["no"] = SessionTimersMode.No, ["yes"] = SessionTimersMode.Yes, ["required"] = SessionTimersMode.Required,
        ["always"] = SessionTimersMode.Always, ["forced"] = SessionTimersMode.Always,
    };

    private static readonly Dictionary<string, string> Privacies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["allowed_not_screened"] = "allowed_not_screened", ["allowed_passed_screened"] = "allowed_passed_screened",
        ["allowed_failed_screened"] = "allowed_failed_screened", ["allowed"] = "allowed",
        ["prohib_not_screened"] = "prohib_not_screened", ["prohib_passed_screened"] = "prohib_passed_screened",
        ["prohib_failed_screened"] = "prohib_failed_screened", ["prohib"] = "prohib", ["unavailable"] = "unavailable",
    };

    private static readonly string[] Identifiers = ["username", "auth_username", "ip", "header", "request_uri"];

    public static OptionTable<PjsipEndpoint> Table { get; } = new OptionTable<PjsipEndpoint>()
        .Add("context", (o, e, r) => o with { Context = e.Value })
        .Add("message_context", (o, e, r) => o with { MessageContext = e.Value })
        .Add("subscribe_context", (o, e, r) => o with { SubscribeContext = e.Value })
        .Add("allow", (o, e, r) => o with { Codecs = Codecs(o, e, r, allow: true) })
        .Add("disallow", (o, e, r) => o with { Codecs = Codecs(o, e, r, allow: false) })
        .Add("aors", (o, e, r) => o with { Aors = OptionReader.List(e.Value) })
        .Add("auth", (o, e, r) => o with { Auths = OptionReader.List(e.Value) })
        .Add("outbound_auth", (o, e, r) => o with { OutboundAuths = OptionReader.List(e.Value) })
        .Add("callerid", (o, e, r) => o with { CallerId = CallerId.Parse(e.Value) })
        .Add("callerid_privacy", (o, e, r) => o with { CallerIdPrivacy = r.Choice(e, Privacies, o.CallerIdPrivacy) })
        .Add("callerid_tag", (o, e, r) => o with { CallerIdTag = e.Value })
        .Add("direct_media", (o, e, r) => o with { DirectMedia = r.Bool(e, o.DirectMedia) })
        .Add("rewrite_contact", (o, e, r) => o with { RewriteContact = r.Bool(e, o.RewriteContact) })
        .Add("rtp_symmetric", (o, e, r) => o with { RtpSymmetric = r.Bool(e, o.RtpSymmetric) })
        .Add("force_rport", (o, e, r) => o with { ForceRport = r.Bool(e, o.ForceRport) })
        .Add("media_address", (o, e, r) => o with { MediaAddress = e.Value })
        .Add("bind_rtp_to_media_address", (o, e, r) => o with { BindRtpToMediaAddress = r.Bool(e, o.BindRtpToMediaAddress) })
        .Add("dtmf_mode", (o, e, r) => o with { DtmfMode = r.Choice(e, DtmfModes, o.DtmfMode) })
        .Add("transport", (o, e, r) => o with { Transport = e.Value })
        .Add("from_user", (o, e, r) => o with { FromUser = e.Value })
        .Add("from_domain", (o, e, r) => o with { FromDomain = e.Value })
        .Add("mailboxes", (o, e, r) => o with { Mailboxes = OptionReader.List(e.Value) })
        .Add("voicemail_extension", (o, e, r) => o with { VoicemailExtension = e.Value.Trim() })
        .Add("mwi_from_user", (o, e, r) => o with { MwiFromUser = e.Value.Trim() })
        .Add("set_var", (o, e, r) => SetVar(o, e, r))
        .Add("language", (o, e, r) => o with { Language = e.Value })
        .Add("allow_subscribe", (o, e, r) => o with { AllowSubscribe = r.Bool(e, o.AllowSubscribe) })
        .Add("rtp_timeout", (o, e, r) => o with { RtpTimeout = r.UInt(e, o.RtpTimeout) })
        .Add("rtp_timeout_hold", (o, e, r) => o with { RtpTimeoutHold = r.UInt(e, o.RtpTimeoutHold) })
        .Add("media_encryption", (o, e, r) => o with { MediaEncryption = r.Choice(e, Encryptions, o.MediaEncryption) })
        .Add("media_encryption_optimistic", (o, e, r) => o with { MediaEncryptionOptimistic = r.Bool(e, o.MediaEncryptionOptimistic) })
        .Add("dtls_auto_generate_cert", (o, e, r) => o with { DtlsAutoGenerateCert = r.Bool(e, o.DtlsAutoGenerateCert) })
        .Add("tos_audio", (o, e, r) => o with { TosAudio = r.TosValue(e, o.TosAudio) })
        .Add("tos_video", (o, e, r) => o with { TosVideo = r.TosValue(e, o.TosVideo) })
        .Add("cos_audio", (o, e, r) => o with { CosAudio = r.CosValue(e, o.CosAudio) })
        .Add("cos_video", (o, e, r) => o with { CosVideo = r.CosValue(e, o.CosVideo) })
        .Add("identify_by", (o, e, r) => o with { IdentifyBy = IdentifyBy(o, e, r) })
        .Add("send_pai", (o, e, r) => o with { SendPai = r.Bool(e, o.SendPai) })
        .Add("send_rpid", (o, e, r) => o with { SendRpid = r.Bool(e, o.SendRpid) })
        .Add("trust_id_inbound", (o, e, r) => o with { TrustIdInbound = r.Bool(e, o.TrustIdInbound) })
        .Add("trust_id_outbound", (o, e, r) => o with { TrustIdOutbound = r.Bool(e, o.TrustIdOutbound) })
        .Add("timers", (o, e, r) => o with { Timers = r.Choice(e, TimerModes, o.Timers) })
        .Add("timers_min_se", (o, e, r) => o with { TimersMinSe = r.UInt(e, o.TimersMinSe) })
        .Add("timers_sess_expires", (o, e, r) => o with { TimersSessExpires = r.UInt(e, o.TimersSessExpires) })
        .Add("100rel", (o, e, r) => o with { Rel100 = r.Choice(e, Rel100Modes, o.Rel100) })
        .Add("device_state_busy_at", (o, e, r) => o with { DeviceStateBusyAt = r.UInt(e, o.DeviceStateBusyAt) })
        .Add("accountcode", (o, e, r) => o with { AccountCode = e.Value })
        .Add("moh_suggest", (o, e, r) => o with { MohSuggest = e.Value })
        .Add("outbound_proxy", (o, e, r) => o with { OutboundProxy = e.Value })
        .Add("allow_transfer", (o, e, r) => o with { AllowTransfer = r.Bool(e, o.AllowTransfer) })
        .Add("inband_progress", (o, e, r) => o with { InbandProgress = r.Bool(e, o.InbandProgress) })
        .Add("ice_support", (o, e, r) => o with { IceSupport = r.Bool(e, o.IceSupport) })
        .Add("webrtc", (o, e, r) => o with { WebRtc = r.Bool(e, o.WebRtc) })
        .Add("call_group", (o, e, r) => o with { CallGroup = e.Value })
        .Add("pickup_group", (o, e, r) => o with { PickupGroup = e.Value })
        .Unsupported(
            "rtp_ipv6", "use_ptime", "direct_media_method", "connected_line_method", "direct_media_glare_mitigation",
            "disable_direct_media_on_nat", "send_diversion", "send_history_info", "aggregate_mwi", "use_avpf",
            "force_avp", "media_use_received_transport", "rtp_keepalive", "one_touch_recording", "named_call_group",
            "named_pickup_group", "t38_udptl", "t38_udptl_ec", "t38_udptl_maxdatagram", "fax_detect",
            "fax_detect_timeout", "t38_udptl_nat", "t38_udptl_ipv6", "t38_bind_udptl_to_media_address", "tone_zone",
            "record_on_feature", "record_off_feature", "user_eq_phone", "moh_passthrough", "sdp_owner", "sdp_session",
            "sub_min_expiry", "mwi_subscribe_replaces_unsolicited", "rtp_engine", "dtls_verify",
            "dtls_rekey", "dtls_cert_file", "dtls_private_key", "dtls_cipher", "dtls_ca_file", "dtls_ca_path",
            "dtls_setup", "dtls_fingerprint", "srtp_tag_32", "redirect_method", "preferred_codec_only",
            "asymmetric_rtp_codec", "rtcp_mux", "allow_overlap", "overlap_context", "refer_blind_progress",
            "notify_early_inuse_ringing", "max_audio_streams", "max_video_streams", "bundle", "incoming_mwi_mailbox",
            "follow_early_media_fork", "accept_multiple_sdp_answers", "suppress_q850_reason_headers",
            "ignore_183_without_sdp", "stir_shaken", "stir_shaken_profile", "allow_unauthenticated_options",
            "codec_prefs_incoming_offer", "codec_prefs_outgoing_offer", "codec_prefs_incoming_answer",
            "codec_prefs_outgoing_answer", "trust_connected_line", "send_connected_line", "contact_user",
            "incoming_call_offer_pref", "outgoing_call_offer_pref", "security_negotiation", "security_mechanisms",
            "send_aoc", "geoloc_incoming_call_profile", "geoloc_outgoing_call_profile", "acl", "deny", "permit",
            "contact_acl", "contact_deny", "contact_permit",
            "moh_suggest_hold", "tenantid", "trust_rpid", "send_rpid_header", "outbound_proxy_anonymous");

    private static IReadOnlyList<string> Codecs(PjsipEndpoint o, ConfEntry e, OptionReader r, bool allow) =>
        CodecList.Apply(o.Codecs, e.Value, allow, name => r.Warning(e, $"unknown codec '{name}' in {e.Key} ignored"));

    private static PjsipEndpoint SetVar(PjsipEndpoint o, ConfEntry e, OptionReader r)
    {
        var eq = e.Value.IndexOf('=');
        if (eq <= 0)
        {
            r.Error(e, $"bad value '{e.Value}' for set_var: expected NAME=VALUE");
            return o;
        }

        var v = new ChannelVariable(e.Value[..eq].Trim(), e.Value[(eq + 1)..].Trim());
        return o with { SetVars = [.. o.SetVars, v] };
    }

    private static IReadOnlyList<string> IdentifyBy(PjsipEndpoint o, ConfEntry e, OptionReader r)
    {
        var items = OptionReader.List(e.Value);
        var result = new List<string>(items.Length);
        foreach (var item in items)
        {
            var known = Array.Find(Identifiers, x => string.Equals(x, item, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                r.Error(e, $"bad value '{item}' for identify_by: expected {string.Join(", ", Identifiers)}");
                return o.IdentifyBy;
            }

            result.Add(known);
        }

        return result.ToArray();
    }
}
