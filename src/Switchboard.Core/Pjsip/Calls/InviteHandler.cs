using System.Text;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// INVITE: a re-INVITE goes to the leg owning its dialog; a new INVITE is identified and authenticated (401 from the
/// authenticator), becomes an inbound channel and runs the endpoint's context with the Request-URI user as exten.
/// </summary>
internal sealed class InviteHandler(CallEnvironment env, EndpointIdentifier identifier, InboundAuthenticator authenticator) : ISipRequestHandler
{
    public void Handle(SipRequestContext context)
    {
        var request = context.Request;
        if (request.TryGetTo(out var to) && !to.Tag.IsEmpty)
        {
            InDialogRequests.Route(env, context);
            return;
        }

        var identity = identifier.Identify(request, context.Source.Address);
        if (!authenticator.Authenticate(context, identity))
        {
            return;
        }

        var endpoint = identity.Endpoint!;
        var address = LegAddress.For(env.Stack, context.Peer);
        if (address is null)
        {
            SipResponder.Send(env.Stack, context, 503, "Service Unavailable");
            return;
        }

        var exten = SipUri.TryParse(request.RequestUri, out var uri) && !uri.User.IsEmpty ? Encoding.UTF8.GetString(uri.User.Span) : "s";
        var callKey = Encoding.UTF8.GetString(request.CallId.Span);
        var callerId = CallerIdOf(request, endpoint.CallerId);
        env.Serializer.Post(callKey, static s => s.env.StartCall(s.context, s.endpoint, s.address, s.callKey, s.exten, s.callerId), (env, context, endpoint, address, callKey, exten, callerId));
    }

    private static CallerIdInfo CallerIdOf(Switchboard.Sip.Messages.SipMessage request, Switchboard.Config.Pjsip.Values.CallerId configured)
    {
        string name = string.Empty;
        string number = string.Empty;
        if (request.TryGetFrom(out SipNameAddr from))
        {
            name = Encoding.UTF8.GetString(from.DisplayName.Span).Trim('"');
            if (SipUri.TryParse(from.Uri, out var fu))
            {
                number = Encoding.UTF8.GetString(fu.User.Span);
            }
        }

        if (!configured.IsEmpty)
        {
            name = configured.Name.Length > 0 ? configured.Name : name;
            number = configured.Number.Length > 0 ? configured.Number : number;
        }

        string dnid = SipUri.TryParse(request.RequestUri, out var ru) ? Encoding.UTF8.GetString(ru.User.Span) : string.Empty;
        return new CallerIdInfo(number, name, number, dnid);
    }
}
