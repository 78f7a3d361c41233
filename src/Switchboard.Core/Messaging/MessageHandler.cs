using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Pjsip.Authentication;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Uris;

namespace Switchboard.Core.Messaging;

/// <summary>
/// MESSAGE (RFC 3428) from an endpoint, in or out of dialog: identified and digest-challenged like INVITE, then
/// written to the inbox and answered 202 Accepted; the endpoint's message_context runs with the Request-URI user as
/// exten and MESSAGE(to|from|body), MESSAGE_DATA(header) set from the request.
/// </summary>
internal sealed class MessageHandler(SipStack stack, EndpointIdentifier identifier, InboundAuthenticator authenticator, DialplanEngine dialplan, MessageProcessor processor, TimeProvider time, ILogger log) : ISipRequestHandler
{
    public void Handle(SipRequestContext context)
    {
        var request = context.Request;
        var identity = identifier.Identify(request, context.Source.Address);
        if (!authenticator.Authenticate(context, identity))
        {
            return;
        }

        var endpoint = identity.Endpoint!;
        if (request.TryGetHeader(SipHeaderId.ContentType, out var ct) && !IsText(ct.Span))
        {
            SipResponder.Send(stack, context, 415, "Unsupported Media Type", w => w.WriteHeader("Accept", "text/plain"));
            return;
        }

        var exten = SipUri.TryParse(request.RequestUri, out var uri) && !uri.User.IsEmpty ? Encoding.UTF8.GetString(uri.User.Span) : "s";
        var messageContext = endpoint.EffectiveMessageContext;
        if (!dialplan.Current.Exists(messageContext, exten, 1, null, time))
        {
            MessagingLog.Refused(log, endpoint.Name, $"no extension {exten} in {messageContext}");
            SipResponder.Send(stack, context, 404, "Not Found");
            return;
        }

        var message = new TextMessage
        {
            To = Encoding.UTF8.GetString(request.RequestUri.Span),
            From = FromOf(request),
            Body = Encoding.UTF8.GetString(request.Body.Span),
            ContentType = ct.IsEmpty ? "text/plain" : Encoding.UTF8.GetString(ct.Span),
        };
        for (int i = 0; i < request.HeaderCount; i++)
        {
            var h = request.GetHeader(i);
            var name = Encoding.UTF8.GetString(h.Name.Span);
            if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            {
                message.AddHeader(name, Encoding.UTF8.GetString(h.Value.Span));
            }
        }

        if (!processor.TryAccept("sip", messageContext, exten, endpoint.Name, message, [], out var id))
        {
            SipResponder.Send(stack, context, 503, "Service Unavailable", w => w.WriteHeader("Retry-After", "10"));
            return;
        }

        MessagingLog.Accepted(log, endpoint.Name, exten, id, messageContext);
        SipResponder.Send(stack, context, 202, "Accepted");
    }

    private static bool IsText(ReadOnlySpan<byte> contentType)
    {
        var s = Encoding.ASCII.GetString(contentType).Trim();
        return s.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || s.Length == 0;
    }

    /// <summary>The From as Asterisk gives MESSAGE(from): <c>"Name" &lt;sip:user@host&gt;</c> without parameters.</summary>
    private static string FromOf(SipMessage request)
    {
        if (!request.TryGetFrom(out SipNameAddr from))
        {
            return string.Empty;
        }

        var uri = Encoding.UTF8.GetString(from.Uri.Span);
        var display = Encoding.UTF8.GetString(from.DisplayName.Span).Trim().Trim('"');
        return display.Length > 0 ? "\"" + display + "\" <" + uri + ">" : "<" + uri + ">";
    }
}
