namespace Switchboard.Config.Pjsip;

/// <summary>The <c>type=global</c> object. Defaults as Asterisk's res_pjsip (user agent names Switchboard).</summary>
public sealed record PjsipGlobal : PjsipObject
{
    /// <summary>Default User-Agent / Server header value.</summary>
    public const string DefaultUserAgent = "Switchboard PBX";

    /// <summary>A global object with every default.</summary>
    public static PjsipGlobal Default { get; } = new() { Name = "global" };

    /// <inheritdoc />
    public override string TypeName => "global";

    /// <summary>Value of the User-Agent and Server headers.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Endpoint used for outbound requests that have no endpoint.</summary>
    public string DefaultOutboundEndpoint { get; init; } = "default_outbound_endpoint";

    /// <summary>Max-Forwards on requests we originate.</summary>
    public int MaxForwards { get; init; } = 70;

    /// <summary>Order in which endpoint identifiers are tried (ip, username, anonymous, header, auth_username, request_uri).</summary>
    public IReadOnlyList<string> EndpointIdentifierOrder { get; init; } = ["ip", "username", "anonymous"];

    /// <summary>Realm used in challenges when an auth has no realm.</summary>
    public string DefaultRealm { get; init; } = "asterisk";

    /// <summary>Seconds between CRLF keep-alives on connection-oriented transports (0 = off).</summary>
    public int KeepAliveIntervalSeconds { get; init; } = 90;

    /// <summary>From user on requests when the endpoint has none.</summary>
    public string DefaultFromUser { get; init; } = "asterisk";

    /// <summary>Default voicemail extension for MWI.</summary>
    public string DefaultVoicemailExtension { get; init; } = string.Empty;

    /// <summary>SIP debug logging (<c>debug=yes</c> or a host to filter on; "no" = off).</summary>
    public string Debug { get; init; } = "no";

    /// <summary>Overload control (taskprocessor_overload_trigger and the overload_* keys).</summary>
    public PjsipOverload Overload { get; init; } = PjsipOverload.Default;
}
