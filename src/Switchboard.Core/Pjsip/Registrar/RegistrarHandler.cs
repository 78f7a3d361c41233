using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Pjsip.Location;
using Switchboard.Core.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3, res_pjsip_registrar's behaviour): identifies and authenticates the endpoint,
/// maps the To user to one of its AORs, applies expiry limits (423 with Min-Expires), <c>Contact: *</c>,
/// max_contacts with remove_existing, rewrite_contact, and answers 200 with every current binding.
/// </summary>
public sealed partial class RegistrarHandler : ISipRequestHandler
{
    private readonly SipStack _stack;
    private readonly PjsipRuntime _runtime;
    private readonly EndpointIdentifier _identifier;
    private readonly InboundAuthenticator _authenticator;
    private readonly LocationService _location;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public RegistrarHandler(SipStack stack, PjsipRuntime runtime, EndpointIdentifier identifier, InboundAuthenticator authenticator, LocationService location, TimeProvider time, ILogger log)
    {
        _stack = stack;
        _runtime = runtime;
        _identifier = identifier;
        _authenticator = authenticator;
        _location = location;
        _time = time;
        _log = log;
    }

    public void Handle(SipRequestContext context)
    {
        var request = context.Request;
        var identity = _identifier.Identify(request, context.Source.Address);
        if (!_authenticator.Authenticate(context, identity))
        {
            return;
        }

        var endpoint = identity.Endpoint!;
        if (!TryGetAor(request, endpoint, out var aor, out var aorName))
        {
            LogAorNotFound(aorName, endpoint.Name);
            SipResponder.Send(_stack, context, 404, "Not Found");
            return;
        }

        if (!RegisterContacts.TryRead(request, aor, out var contacts, out var wildcard, out var error, out var minExpires))
        {
            if (minExpires > 0)
            {
                SipResponder.Send(_stack, context, 423, "Interval Too Brief", w => w.WriteHeader(SipHeaderId.MinExpires, minExpires));
            }
            else
            {
                SipResponder.Send(_stack, context, 400, error);
            }

            return;
        }

        var now = _time.GetUtcNow();
        var callId = Encoding.UTF8.GetString(request.CallId.Span);
        long cseq = request.TryGetCSeq(out var cs) ? cs.Number : 0;
        string? userAgent = request.TryGetHeader(SipHeaderId.UserAgent, out var ua) ? Encoding.UTF8.GetString(ua.Span) : null;
        var outcome = _location.Update(aor.Name, existing =>
        {
            if (wildcard)
            {
                return ((IReadOnlyList<ContactBinding>)[], RegisterOutcome.Ok);
            }

            var next = new List<ContactBinding>(existing);
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in contacts)
            {
                int idx = next.FindIndex(b => b.RegisteredUri == c.Uri);
                if (c.Expires == 0)
                {
                    if (idx >= 0)
                    {
                        next.RemoveAt(idx);
                    }

                    continue;
                }

                var binding = new ContactBinding
                {
                    Aor = aor.Name,
                    Uri = endpoint.RewriteContact ? ContactRewriter.Rewrite(c.Uri, context.Source, context.Local.Protocol) : c.Uri,
                    RegisteredUri = c.Uri,
                    Endpoint = endpoint.Name,
                    ExpiresAt = now.AddSeconds(c.Expires),
                    CallId = callId,
                    CSeq = cseq,
                    UserAgent = userAgent,
                    TransportName = context.Local.Name,
                    Protocol = context.ProtocolName,
                    Source = context.Source,
                    Q = c.Q,
                };
                added.Add(binding.Id);
                if (idx >= 0)
                {
                    next[idx] = binding;
                }
                else
                {
                    next.Add(binding);
                }
            }

            if (next.Count > aor.MaxContacts)
            {
                if (!aor.RemoveExisting)
                {
                    return (existing, RegisterOutcome.TooManyContacts);
                }

                // remove_existing: drop the contacts not in this REGISTER that expire soonest, to make room.
                foreach (var old in next.Where(b => !added.Contains(b.Id)).OrderBy(b => b.ExpiresAt).ToList())
                {
                    if (next.Count <= aor.MaxContacts)
                    {
                        break;
                    }

                    next.Remove(old);
                }

                if (next.Count > aor.MaxContacts)
                {
                    return (existing, RegisterOutcome.TooManyContacts);
                }
            }

            return (next, RegisterOutcome.Ok);
        });

        if (outcome == RegisterOutcome.TooManyContacts)
        {
            LogTooManyContacts(endpoint.Name, aor.Name, aor.MaxContacts);
            SipResponder.Send(_stack, context, 403, "Forbidden");
            return;
        }

        var current = _location.GetContacts(aor.Name);
        SipResponder.Send(_stack, context, 200, "OK", w =>
        {
            foreach (var b in current)
            {
                long left = Math.Max(0, (long)Math.Ceiling((b.ExpiresAt - now).TotalSeconds));
                w.WriteHeader("Contact", "<" + b.RegisteredUri + ">;expires=" + left.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteHeader("Date", now.ToString("r", CultureInfo.InvariantCulture));
        });
    }

    private bool TryGetAor(SipMessage request, PjsipEndpoint endpoint, out PjsipAor aor, out string name)
    {
        name = request.TryGetTo(out var to) && SipUri.TryParse(to.Uri, out var uri) ? Encoding.UTF8.GetString(uri.User.Span) : string.Empty;
        aor = null!;
        var config = _runtime.Config;
        if (name.Length > 0 && endpoint.Aors.Contains(name) && config.Aors.TryGet(name, out var byName))
        {
            aor = byName;
            return true;
        }

        // An endpoint with one AOR accepts registrations addressed to its own name too (wizard users: endpoint = aor).
        if (endpoint.Aors.Count == 1 && (name == endpoint.Name || name.Length == 0) && config.Aors.TryGet(endpoint.Aors[0], out var only))
        {
            aor = only;
            return true;
        }

        return false;
    }

    private enum RegisterOutcome
    {
        Ok,
        TooManyContacts,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AOR '{Aor}' not found for endpoint '{Endpoint}'")]
    private partial void LogAorNotFound(string aor, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration attempt from endpoint '{Endpoint}' to AOR '{Aor}' will exceed max contacts of {Max}")]
    private partial void LogTooManyContacts(string endpoint, string aor, int max);
}
