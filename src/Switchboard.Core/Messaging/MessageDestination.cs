namespace Switchboard.Core.Messaging;

/// <summary>How a MessageSend destination is addressed.</summary>
internal enum MessageDestinationKind
{
    /// <summary><c>pjsip:endpoint</c>: every registered contact of the endpoint (stored when none answers).</summary>
    Endpoint,

    /// <summary><c>pjsip:endpoint/sip:contact</c>: that contact, with the endpoint's settings.</summary>
    Contact,

    /// <summary><c>pjsip:number@endpoint</c>: the endpoint's contacts (a trunk) with the number as user.</summary>
    Number,

    /// <summary><c>pjsip:sip:user@host</c> or <c>sip:user@host</c>: that URI, no endpoint.</summary>
    Uri,
}

/// <summary>A parsed MessageSend destination.</summary>
internal readonly record struct MessageDestination(MessageDestinationKind Kind, string Endpoint, string? Uri, string? Number)
{
    /// <summary>
    /// Parses <c>pjsip:endpoint</c>, <c>pjsip:endpoint/sip:uri</c>, <c>pjsip:number@endpoint</c>, <c>pjsip:sip:uri</c>
    /// and <c>sip:uri</c>. <paramref name="isEndpoint"/> tells an endpoint name from a host.
    /// </summary>
    public static MessageSendStatus TryParse(string to, Func<string, bool> isEndpoint, out MessageDestination destination)
    {
        destination = default;
        to = to.Trim();
        if (to.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || to.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return UriOnly(to, out destination);
        }

        if (!to.StartsWith("pjsip:", StringComparison.OrdinalIgnoreCase))
        {
            return MessageSendStatus.InvalidProtocol;
        }

        var rest = to["pjsip:".Length..];
        if (rest.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return UriOnly(rest, out destination);
        }

        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var name = rest[..slash];
            var uri = rest[(slash + 1)..];
            if (!isEndpoint(name) || !(uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)))
            {
                return MessageSendStatus.InvalidUri;
            }

            destination = new MessageDestination(MessageDestinationKind.Contact, name, uri, null);
            return MessageSendStatus.Success;
        }

        int at = rest.LastIndexOf('@');
        if (at > 0)
        {
            var number = rest[..at];
            var host = rest[(at + 1)..];
            if (isEndpoint(host))
            {
                destination = new MessageDestination(MessageDestinationKind.Number, host, null, number);
                return MessageSendStatus.Success;
            }

            return UriOnly("sip:" + rest, out destination);
        }

        if (rest.Length == 0 || !isEndpoint(rest))
        {
            return MessageSendStatus.InvalidUri;
        }

        destination = new MessageDestination(MessageDestinationKind.Endpoint, rest, null, null);
        return MessageSendStatus.Success;
    }

    private static MessageSendStatus UriOnly(string uri, out MessageDestination destination)
    {
        destination = default;
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || uri.Length <= colon + 1 || (at >= 0 && at == uri.Length - 1))
        {
            return MessageSendStatus.InvalidUri;
        }

        destination = new MessageDestination(MessageDestinationKind.Uri, string.Empty, uri, null);
        return MessageSendStatus.Success;
    }
}
