using Switchboard.Config.Pjsip.Values;

namespace Switchboard.Config.Pjsip;

/// <summary>A <c>type=endpoint</c> object. Defaults are Asterisk's.</summary>
public sealed record PjsipEndpoint : PjsipObject
{
    /// <inheritdoc />
    public override string TypeName => "endpoint";

    /// <summary>Dialplan context for inbound calls.</summary>
    public string Context { get; init; } = "default";

    /// <summary>Dialplan context for inbound MESSAGE requests (empty = <see cref="Context"/>).</summary>
    public string MessageContext { get; init; } = string.Empty;

    /// <summary>Dialplan context searched for the hint of an inbound SUBSCRIBE (empty = <see cref="Context"/>).</summary>
    public string SubscribeContext { get; init; } = string.Empty;

    /// <summary>Allowed codecs in preference order (result of allow/disallow in order).</summary>
    public IReadOnlyList<string> Codecs { get; init; } = [];

    /// <summary>AOR names (comma list).</summary>
    public IReadOnlyList<string> Aors { get; init; } = [];

    /// <summary>Inbound auth object names.</summary>
    public IReadOnlyList<string> Auths { get; init; } = [];

    /// <summary>Outbound auth object names.</summary>
    public IReadOnlyList<string> OutboundAuths { get; init; } = [];

    /// <summary>Caller id for calls from this endpoint.</summary>
    public CallerId CallerId { get; init; } = CallerId.None;

    /// <summary>callerid_privacy (allowed_not_screened, prohib, ...).</summary>
    public string CallerIdPrivacy { get; init; } = "allowed_not_screened";

    /// <summary>callerid_tag.</summary>
    public string CallerIdTag { get; init; } = string.Empty;

    /// <summary>Let media flow directly between endpoints.</summary>
    public bool DirectMedia { get; init; } = true;

    /// <summary>Rewrite the Contact with the source address of REGISTER/INVITE (NAT).</summary>
    public bool RewriteContact { get; init; }

    /// <summary>Send RTP to where it comes from (NAT).</summary>
    public bool RtpSymmetric { get; init; }

    /// <summary>Reply to the source port (RFC 3581) even without rport.</summary>
    public bool ForceRport { get; init; } = true;

    /// <summary>Address used in SDP (empty = transport address).</summary>
    public string MediaAddress { get; init; } = string.Empty;

    /// <summary>Bind RTP sockets to <see cref="MediaAddress"/>.</summary>
    public bool BindRtpToMediaAddress { get; init; }

    /// <summary>DTMF method.</summary>
    public DtmfMode DtmfMode { get; init; } = DtmfMode.Rfc4733;

    /// <summary>Transport name to use (empty = first matching).</summary>
    public string Transport { get; init; } = string.Empty;

    /// <summary>User part of From on outbound requests.</summary>
    public string FromUser { get; init; } = string.Empty;

    /// <summary>Host part of From on outbound requests.</summary>
    public string FromDomain { get; init; } = string.Empty;

    /// <summary>Mailboxes for MWI (comma list as written).</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    /// <summary>voicemail_extension: the user part of the unsolicited MWI NOTIFY's Message-Account (empty: none).</summary>
    public string VoicemailExtension { get; init; } = string.Empty;

    /// <summary>mwi_from_user: the From user of unsolicited MWI NOTIFYs (empty: from_user, else "asterisk").</summary>
    public string MwiFromUser { get; init; } = string.Empty;

    /// <summary>Channel variables set on every channel (set_var, in order).</summary>
    public IReadOnlyList<ChannelVariable> SetVars { get; init; } = [];

    /// <summary>Default language for prompts.</summary>
    public string Language { get; init; } = string.Empty;

    /// <summary>Accept SUBSCRIBE.</summary>
    public bool AllowSubscribe { get; init; } = true;

    /// <summary>Hang up after this many seconds without RTP (0 = never).</summary>
    public int RtpTimeout { get; init; }

    /// <summary>Hang up a held call after this many seconds without RTP (0 = never).</summary>
    public int RtpTimeoutHold { get; init; }

    /// <summary>Media encryption.</summary>
    public MediaEncryption MediaEncryption { get; init; } = MediaEncryption.No;

    /// <summary>Use encryption when the peer offers it, plain RTP otherwise.</summary>
    public bool MediaEncryptionOptimistic { get; init; }

    /// <summary>Generate a DTLS certificate automatically.</summary>
    public bool DtlsAutoGenerateCert { get; init; }

    /// <summary>TOS byte for audio RTP.</summary>
    public int TosAudio { get; init; }

    /// <summary>TOS byte for video RTP.</summary>
    public int TosVideo { get; init; }

    /// <summary>CoS for audio RTP (0-7).</summary>
    public int CosAudio { get; init; }

    /// <summary>CoS for video RTP (0-7).</summary>
    public int CosVideo { get; init; }

    /// <summary>How inbound requests are matched to this endpoint (username, auth_username, ip, header, request_uri).</summary>
    public IReadOnlyList<string> IdentifyBy { get; init; } = ["username", "ip"];

    /// <summary>Send P-Asserted-Identity.</summary>
    public bool SendPai { get; init; }

    /// <summary>Send Remote-Party-ID.</summary>
    public bool SendRpid { get; init; }

    /// <summary>Trust identity headers from this endpoint.</summary>
    public bool TrustIdInbound { get; init; }

    /// <summary>Send private identity to this endpoint.</summary>
    public bool TrustIdOutbound { get; init; }

    /// <summary>Session timers.</summary>
    public SessionTimersMode Timers { get; init; } = SessionTimersMode.Yes;

    /// <summary>Minimum session expiry (timers_min_se).</summary>
    public int TimersMinSe { get; init; } = 90;

    /// <summary>Session expiry (timers_sess_expires).</summary>
    public int TimersSessExpires { get; init; } = 1800;

    /// <summary>RFC 3262 support.</summary>
    public Rel100Mode Rel100 { get; init; } = Rel100Mode.Yes;

    /// <summary>Busy device state at this many calls (0 = never).</summary>
    public int DeviceStateBusyAt { get; init; }

    /// <summary>CDR account code.</summary>
    public string AccountCode { get; init; } = string.Empty;

    /// <summary>Music on hold class to suggest.</summary>
    public string MohSuggest { get; init; } = "default";

    /// <summary>Outbound proxy URI.</summary>
    public string OutboundProxy { get; init; } = string.Empty;

    /// <summary>Allow transfers (REFER).</summary>
    public bool AllowTransfer { get; init; } = true;

    /// <summary>Send in-band progress (183) before answer.</summary>
    public bool InbandProgress { get; init; }

    /// <summary>ICE support in SDP.</summary>
    public bool IceSupport { get; init; }

    /// <summary>WebRTC preset (avpf, ice, rtcp_mux, dtls).</summary>
    public bool WebRtc { get; init; }

    /// <summary>Call group numbers as written.</summary>
    public string CallGroup { get; init; } = string.Empty;

    /// <summary>Pickup group numbers as written.</summary>
    public string PickupGroup { get; init; } = string.Empty;

    /// <summary>Context used when the endpoint has a message_context, else <see cref="Context"/>.</summary>
    public string EffectiveMessageContext => MessageContext.Length > 0 ? MessageContext : Context;

    /// <summary>Context where a SUBSCRIBE's extension is looked up: subscribe_context, else <see cref="Context"/> (as Asterisk).</summary>
    public string EffectiveSubscribeContext => SubscribeContext.Length > 0 ? SubscribeContext : Context;
}
