using System.Net;
using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Identification;

/// <summary>
/// Finds the endpoint a request comes from, as res_pjsip's identifiers do: in the global endpoint_identifier_order,
/// "username" (From user = endpoint name), "auth_username" (Authorization username = an inbound auth's username) and
/// "ip" (identify objects matching the source address), each honoured only when in the endpoint's identify_by.
/// </summary>
public sealed class EndpointIdentifier(PjsipRuntime runtime)
{
    public IdentificationResult Identify(SipMessage request, IPAddress source)
    {
        var config = runtime.Config;
        var fromUser = FromUser(request);
        foreach (var method in Order(config.Global.EndpointIdentifierOrder))
        {
            var found = method switch
            {
                "username" => ByUsername(config, fromUser),
                "auth_username" => ByAuthUsername(config, request),
                "ip" => ByIp(config, source),
                _ => null,
            };
            if (found is not null)
            {
                return new IdentificationResult(found, method, fromUser);
            }
        }

        return new IdentificationResult(null, string.Empty, fromUser);
    }

    private static IEnumerable<string> Order(IReadOnlyList<string> configured)
    {
        foreach (var m in configured)
        {
            yield return m;
        }

        // auth_username is an explicit method in Asterisk; try it last when identify_by on an endpoint asks for it.
        if (!configured.Contains("auth_username"))
        {
            yield return "auth_username";
        }
    }

    private static PjsipEndpoint? ByUsername(PjsipConfig config, string user)
    {
        if (user.Length == 0 || !config.Endpoints.TryGet(user, out var ep))
        {
            return null;
        }

        return ep.IdentifyBy.Contains("username") ? ep : null;
    }

    private static PjsipEndpoint? ByAuthUsername(PjsipConfig config, SipMessage request)
    {
        if (!TryGetAuthUsername(request, out var username))
        {
            return null;
        }

        foreach (var ep in config.Endpoints)
        {
            if (!ep.IdentifyBy.Contains("auth_username") && !ep.IdentifyBy.Contains("username"))
            {
                continue;
            }

            foreach (var authName in ep.Auths)
            {
                if (config.Auths.TryGet(authName, out var auth) && auth.Username == username)
                {
                    return ep;
                }
            }
        }

        return null;
    }

    private static PjsipEndpoint? ByIp(PjsipConfig config, IPAddress source)
    {
        var addr = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var identify in config.Identifies)
        {
            foreach (var m in identify.Matches)
            {
                if (m.Contains(addr) && config.Endpoints.TryGet(identify.Endpoint, out var ep) && ep.IdentifyBy.Contains("ip"))
                {
                    return ep;
                }
            }
        }

        return null;
    }

    public static string FromUser(SipMessage request)
        => request.TryGetFrom(out var from) && SipUri.TryParse(from.Uri, out var uri) ? Encoding.UTF8.GetString(uri.User.Span) : string.Empty;

    public static bool TryGetAuthUsername(SipMessage request, out string username)
    {
        username = string.Empty;
        if (request.TryGetHeader(SipHeaderId.Authorization, out var value) && DigestCredentials.TryParse(value, out var creds))
        {
            username = Encoding.UTF8.GetString(creds.Username.Span).Trim('"');
            return username.Length > 0;
        }

        return false;
    }
}
