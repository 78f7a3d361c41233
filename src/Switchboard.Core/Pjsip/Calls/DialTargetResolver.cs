using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip.Qualify;
using Switchboard.Core.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Turns a PJSIP dial resource into the contacts to fork to: registered and static contacts of the endpoint's AORs.</summary>
internal static class DialTargetResolver
{
    public static async Task<List<DialTarget>> ResolveAsync(CallEnvironment env, string resource, CancellationToken ct)
    {
        var targets = new List<DialTarget>();
        string? number = null;
        string? explicitUri = null;
        string name = resource;
        int slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            name = resource[..slash];
            explicitUri = resource[(slash + 1)..];
        }
        else
        {
            int at = resource.LastIndexOf('@');
            if (at > 0)
            {
                number = resource[..at];
                name = resource[(at + 1)..];
            }
        }

        var endpoint = env.Runtime.Endpoint(name);
        if (endpoint is null)
        {
            return targets;
        }

        if (explicitUri is not null)
        {
            await AddStaticAsync(targets, endpoint, explicitUri, null, ct).ConfigureAwait(false);
            return targets;
        }

        foreach (var aorName in endpoint.Aors)
        {
            foreach (var contact in env.Location.GetContacts(aorName))
            {
                if (QualifyService.PeerFor(contact) is { } peer)
                {
                    targets.Add(new DialTarget(endpoint, WithUser(contact.Uri, number), peer));
                }
            }

            if (env.Runtime.Aor(aorName) is { } aor)
            {
                foreach (var uri in aor.Contacts)
                {
                    await AddStaticAsync(targets, endpoint, uri, number, ct).ConfigureAwait(false);
                }
            }
        }

        return targets;
    }

    private static async Task AddStaticAsync(List<DialTarget> targets, PjsipEndpoint endpoint, string uri, string? number, CancellationToken ct)
    {
        var requestUri = WithUser(uri, number);
        var peer = await SipTargetResolver.ResolveAsync(requestUri, endpoint.Transport.Length > 0 ? endpoint.Transport : null, ct).ConfigureAwait(false);
        if (peer is { } p)
        {
            targets.Add(new DialTarget(endpoint, requestUri, p));
        }
    }

    /// <summary>sip:host:port + "123" → sip:123@host:port (a trunk call); unchanged without a number.</summary>
    internal static string WithUser(string uri, string? number)
    {
        if (string.IsNullOrEmpty(number) || !SipUri.TryParse(Encoding.UTF8.GetBytes(uri), out var parsed))
        {
            return uri;
        }

        var scheme = uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) ? "sips:" : "sip:";
        var host = Encoding.UTF8.GetString(parsed.Host.Span);
        var port = parsed.Port > 0 ? ":" + parsed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var parameters = parsed.Parameters.IsEmpty ? string.Empty : Encoding.UTF8.GetString(parsed.Parameters.Span);
        if (parameters.Length > 0 && parameters[0] != ';')
        {
            parameters = ";" + parameters;
        }

        return scheme + number + "@" + host + port + parameters;
    }
}
