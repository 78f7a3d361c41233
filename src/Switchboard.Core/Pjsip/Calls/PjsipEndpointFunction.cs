using System.Globalization;
using Switchboard.Config.Pjsip;
using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Functions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// PJSIP_ENDPOINT(endpoint,field): a configuration field of an endpoint (context, callerid, allow, aors,
/// direct_media, language ...), a <c>set_var</c> value by its variable name, or a user field written as
/// <c>@name=value</c> in set_var (read as <c>@name</c>).
/// </summary>
internal sealed class PjsipEndpointFunction(CallEnvironment env) : DialplanFunction
{
    public override string Name => "PJSIP_ENDPOINT";

    public override FunctionResult Read(DialplanContext context, string args)
    {
        int comma = args.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            return FunctionResult.Fail("PJSIP_ENDPOINT requires an endpoint name and a field");
        }

        var name = args[..comma].Trim();
        var field = args[(comma + 1)..].Trim();
        var endpoint = env.Runtime.Endpoint(name);
        if (endpoint is null)
        {
            return FunctionResult.Fail($"Failed to retrieve information for endpoint '{name}'");
        }

        var value = Field(endpoint, field);
        return value is null ? FunctionResult.Fail($"Unknown property '{field}' for PJSIP endpoint") : FunctionResult.Ok(value);
    }

    internal static string? Field(PjsipEndpoint e, string field)
    {
        foreach (var v in e.SetVars)
        {
            if (v.Name.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                return v.Value;
            }
        }

        return field.ToLowerInvariant() switch
        {
            "context" => e.Context,
            "message_context" => e.MessageContext,
            "callerid" => e.CallerId.ToString(),
            "allow" => string.Join(',', e.Codecs),
            "aors" => string.Join(',', e.Aors),
            "auth" => string.Join(',', e.Auths),
            "outbound_auth" => string.Join(',', e.OutboundAuths),
            "direct_media" => e.DirectMedia ? "true" : "false",
            "rtp_symmetric" => e.RtpSymmetric ? "true" : "false",
            "rewrite_contact" => e.RewriteContact ? "true" : "false",
            "force_rport" => e.ForceRport ? "true" : "false",
            "language" => e.Language,
            "transport" => e.Transport,
            "from_user" => e.FromUser,
            "from_domain" => e.FromDomain,
            "mailboxes" => string.Join(',', e.Mailboxes),
            "accountcode" => e.AccountCode,
            "dtmf_mode" => e.DtmfMode.ToString().ToLowerInvariant(),
            "device_state_busy_at" => e.DeviceStateBusyAt.ToString(CultureInfo.InvariantCulture),
            "rtp_timeout" => e.RtpTimeout.ToString(CultureInfo.InvariantCulture),
            "moh_suggest" => e.MohSuggest,
            "call_group" => e.CallGroup,
            "pickup_group" => e.PickupGroup,
            _ => null,
        };
    }
}
