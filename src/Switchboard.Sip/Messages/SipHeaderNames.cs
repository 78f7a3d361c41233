using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>Header name lookup (case-insensitive, compact forms of RFC 3261 §7.3.3 and later RFCs) and canonical names.</summary>
public static class SipHeaderNames
{
    /// <summary>Identifies a header name; <see cref="SipHeaderId.Other"/> when unknown.</summary>
    public static SipHeaderId Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return SipAscii.ToLower(name[0]) switch
            {
                (byte)'v' => SipHeaderId.Via,
                (byte)'f' => SipHeaderId.From,
                (byte)'t' => SipHeaderId.To,
                (byte)'i' => SipHeaderId.CallId,
                (byte)'m' => SipHeaderId.Contact,
                (byte)'l' => SipHeaderId.ContentLength,
                (byte)'c' => SipHeaderId.ContentType,
                (byte)'e' => SipHeaderId.ContentEncoding,
                (byte)'k' => SipHeaderId.Supported,
                (byte)'o' => SipHeaderId.Event,
                (byte)'u' => SipHeaderId.AllowEvents,
                (byte)'s' => SipHeaderId.Subject,
                (byte)'r' => SipHeaderId.ReferTo,
                (byte)'b' => SipHeaderId.ReferredBy,
                (byte)'x' => SipHeaderId.SessionExpires,
                (byte)'y' => SipHeaderId.Identity,
                (byte)'a' => SipHeaderId.AcceptContact,
                (byte)'j' => SipHeaderId.RejectContact,
                (byte)'d' => SipHeaderId.RequestDisposition,
                (byte)'n' => SipHeaderId.IdentityInfo,
                _ => SipHeaderId.Other,
            };
        }

        if (name.IsEmpty)
        {
            return SipHeaderId.Other;
        }

        byte first = SipAscii.ToLower(name[0]);
        switch (name.Length)
        {
            case 2:
                if (first == (byte)'t' && SipAscii.EqualsIgnoreCase(name, "To"u8))
                {
                    return SipHeaderId.To;
                }
                break;
            case 3:
                if (first == (byte)'v' && SipAscii.EqualsIgnoreCase(name, "Via"u8))
                {
                    return SipHeaderId.Via;
                }
                break;
            case 4:
                if (first == (byte)'f' && SipAscii.EqualsIgnoreCase(name, "From"u8))
                {
                    return SipHeaderId.From;
                }

                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "CSeq"u8))
                {
                    return SipHeaderId.CSeq;
                }

                if (first == (byte)'d' && SipAscii.EqualsIgnoreCase(name, "Date"u8))
                {
                    return SipHeaderId.Date;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "RSeq"u8))
                {
                    return SipHeaderId.Rseq;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "RAck"u8))
                {
                    return SipHeaderId.Rack;
                }

                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Path"u8))
                {
                    return SipHeaderId.Path;
                }
                break;
            case 5:
                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Route"u8))
                {
                    return SipHeaderId.Route;
                }

                if (first == (byte)'e' && SipAscii.EqualsIgnoreCase(name, "Event"u8))
                {
                    return SipHeaderId.Event;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Allow"u8))
                {
                    return SipHeaderId.Allow;
                }
                break;
            case 6:
                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Accept"u8))
                {
                    return SipHeaderId.Accept;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Server"u8))
                {
                    return SipHeaderId.Server;
                }

                if (first == (byte)'m' && SipAscii.EqualsIgnoreCase(name, "Min-SE"u8))
                {
                    return SipHeaderId.MinSE;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Reason"u8))
                {
                    return SipHeaderId.Reason;
                }
                break;
            case 7:
                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Call-ID"u8))
                {
                    return SipHeaderId.CallId;
                }

                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Contact"u8))
                {
                    return SipHeaderId.Contact;
                }

                if (first == (byte)'e' && SipAscii.EqualsIgnoreCase(name, "Expires"u8))
                {
                    return SipHeaderId.Expires;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Require"u8))
                {
                    return SipHeaderId.Require;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Subject"u8))
                {
                    return SipHeaderId.Subject;
                }

                if (first == (byte)'w' && SipAscii.EqualsIgnoreCase(name, "Warning"u8))
                {
                    return SipHeaderId.Warning;
                }

                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Privacy"u8))
                {
                    return SipHeaderId.Privacy;
                }
                break;
            case 8:
                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Refer-To"u8))
                {
                    return SipHeaderId.ReferTo;
                }

                if (first == (byte)'i' && SipAscii.EqualsIgnoreCase(name, "Identity"u8))
                {
                    return SipHeaderId.Identity;
                }

                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Priority"u8))
                {
                    return SipHeaderId.Priority;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Reply-To"u8))
                {
                    return SipHeaderId.ReplyTo;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Replaces"u8))
                {
                    return SipHeaderId.Replaces;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "SIP-ETag"u8))
                {
                    return SipHeaderId.SipETag;
                }
                break;
            case 9:
                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Supported"u8))
                {
                    return SipHeaderId.Supported;
                }

                if (first == (byte)'t' && SipAscii.EqualsIgnoreCase(name, "Timestamp"u8))
                {
                    return SipHeaderId.Timestamp;
                }

                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Call-Info"u8))
                {
                    return SipHeaderId.CallInfo;
                }
                break;
            case 10:
                if (first == (byte)'u' && SipAscii.EqualsIgnoreCase(name, "User-Agent"u8))
                {
                    return SipHeaderId.UserAgent;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Alert-Info"u8))
                {
                    return SipHeaderId.AlertInfo;
                }

                if (first == (byte)'e' && SipAscii.EqualsIgnoreCase(name, "Error-Info"u8))
                {
                    return SipHeaderId.ErrorInfo;
                }
                break;
            case 11:
                if (first == (byte)'m' && SipAscii.EqualsIgnoreCase(name, "Min-Expires"u8))
                {
                    return SipHeaderId.MinExpires;
                }

                if (first == (byte)'u' && SipAscii.EqualsIgnoreCase(name, "Unsupported"u8))
                {
                    return SipHeaderId.Unsupported;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Referred-By"u8))
                {
                    return SipHeaderId.ReferredBy;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Retry-After"u8))
                {
                    return SipHeaderId.RetryAfter;
                }

                if (first == (byte)'i' && SipAscii.EqualsIgnoreCase(name, "In-Reply-To"u8))
                {
                    return SipHeaderId.InReplyTo;
                }
                break;
            case 12:
                if (first == (byte)'m' && SipAscii.EqualsIgnoreCase(name, "Max-Forwards"u8))
                {
                    return SipHeaderId.MaxForwards;
                }

                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Content-Type"u8))
                {
                    return SipHeaderId.ContentType;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Record-Route"u8))
                {
                    return SipHeaderId.RecordRoute;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Allow-Events"u8))
                {
                    return SipHeaderId.AllowEvents;
                }

                if (first == (byte)'m' && SipAscii.EqualsIgnoreCase(name, "MIME-Version"u8))
                {
                    return SipHeaderId.MimeVersion;
                }

                if (first == (byte)'o' && SipAscii.EqualsIgnoreCase(name, "Organization"u8))
                {
                    return SipHeaderId.Organization;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "SIP-If-Match"u8))
                {
                    return SipHeaderId.SipIfMatch;
                }
                break;
            case 13:
                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Proxy-Require"u8))
                {
                    return SipHeaderId.ProxyRequire;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Authorization"u8))
                {
                    return SipHeaderId.Authorization;
                }

                if (first == (byte)'i' && SipAscii.EqualsIgnoreCase(name, "Identity-Info"u8))
                {
                    return SipHeaderId.IdentityInfo;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Service-Route"u8))
                {
                    return SipHeaderId.ServiceRoute;
                }
                break;
            case 14:
                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Content-Length"u8))
                {
                    return SipHeaderId.ContentLength;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Accept-Contact"u8))
                {
                    return SipHeaderId.AcceptContact;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Reject-Contact"u8))
                {
                    return SipHeaderId.RejectContact;
                }
                break;
            case 15:
                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Accept-Encoding"u8))
                {
                    return SipHeaderId.AcceptEncoding;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Accept-Language"u8))
                {
                    return SipHeaderId.AcceptLanguage;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Session-Expires"u8))
                {
                    return SipHeaderId.SessionExpires;
                }
                break;
            case 16:
                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Content-Encoding"u8))
                {
                    return SipHeaderId.ContentEncoding;
                }

                if (first == (byte)'w' && SipAscii.EqualsIgnoreCase(name, "WWW-Authenticate"u8))
                {
                    return SipHeaderId.WwwAuthenticate;
                }

                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Content-Language"u8))
                {
                    return SipHeaderId.ContentLanguage;
                }
                break;
            case 18:
                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Proxy-Authenticate"u8))
                {
                    return SipHeaderId.ProxyAuthenticate;
                }

                if (first == (byte)'s' && SipAscii.EqualsIgnoreCase(name, "Subscription-State"u8))
                {
                    return SipHeaderId.SubscriptionState;
                }
                break;
            case 19:
                if (first == (byte)'c' && SipAscii.EqualsIgnoreCase(name, "Content-Disposition"u8))
                {
                    return SipHeaderId.ContentDisposition;
                }

                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "Proxy-Authorization"u8))
                {
                    return SipHeaderId.ProxyAuthorization;
                }

                if (first == (byte)'a' && SipAscii.EqualsIgnoreCase(name, "Authentication-Info"u8))
                {
                    return SipHeaderId.AuthenticationInfo;
                }

                if (first == (byte)'r' && SipAscii.EqualsIgnoreCase(name, "Request-Disposition"u8))
                {
                    return SipHeaderId.RequestDisposition;
                }

                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "P-Asserted-Identity"u8))
                {
                    return SipHeaderId.PAssertedIdentity;
                }
                break;
            case 20:
                if (first == (byte)'p' && SipAscii.EqualsIgnoreCase(name, "P-Preferred-Identity"u8))
                {
                    return SipHeaderId.PPreferredIdentity;
                }
                break;
        }

        return SipHeaderId.Other;
    }

    /// <summary>The canonical (long) header name; empty for <see cref="SipHeaderId.Other"/>.</summary>
    public static ReadOnlySpan<byte> Canonical(SipHeaderId id) => id switch
    {
        SipHeaderId.Via => "Via"u8,
        SipHeaderId.From => "From"u8,
        SipHeaderId.To => "To"u8,
        SipHeaderId.CallId => "Call-ID"u8,
        SipHeaderId.CSeq => "CSeq"u8,
        SipHeaderId.MaxForwards => "Max-Forwards"u8,
        SipHeaderId.Contact => "Contact"u8,
        SipHeaderId.ContentLength => "Content-Length"u8,
        SipHeaderId.ContentType => "Content-Type"u8,
        SipHeaderId.ContentEncoding => "Content-Encoding"u8,
        SipHeaderId.ContentDisposition => "Content-Disposition"u8,
        SipHeaderId.Expires => "Expires"u8,
        SipHeaderId.MinExpires => "Min-Expires"u8,
        SipHeaderId.Route => "Route"u8,
        SipHeaderId.RecordRoute => "Record-Route"u8,
        SipHeaderId.Require => "Require"u8,
        SipHeaderId.ProxyRequire => "Proxy-Require"u8,
        SipHeaderId.Supported => "Supported"u8,
        SipHeaderId.Unsupported => "Unsupported"u8,
        SipHeaderId.Authorization => "Authorization"u8,
        SipHeaderId.ProxyAuthorization => "Proxy-Authorization"u8,
        SipHeaderId.WwwAuthenticate => "WWW-Authenticate"u8,
        SipHeaderId.ProxyAuthenticate => "Proxy-Authenticate"u8,
        SipHeaderId.AuthenticationInfo => "Authentication-Info"u8,
        SipHeaderId.Event => "Event"u8,
        SipHeaderId.AllowEvents => "Allow-Events"u8,
        SipHeaderId.Allow => "Allow"u8,
        SipHeaderId.Accept => "Accept"u8,
        SipHeaderId.AcceptEncoding => "Accept-Encoding"u8,
        SipHeaderId.AcceptLanguage => "Accept-Language"u8,
        SipHeaderId.Subject => "Subject"u8,
        SipHeaderId.UserAgent => "User-Agent"u8,
        SipHeaderId.Server => "Server"u8,
        SipHeaderId.Date => "Date"u8,
        SipHeaderId.Timestamp => "Timestamp"u8,
        SipHeaderId.ReferTo => "Refer-To"u8,
        SipHeaderId.ReferredBy => "Referred-By"u8,
        SipHeaderId.SessionExpires => "Session-Expires"u8,
        SipHeaderId.MinSE => "Min-SE"u8,
        SipHeaderId.SubscriptionState => "Subscription-State"u8,
        SipHeaderId.RetryAfter => "Retry-After"u8,
        SipHeaderId.Warning => "Warning"u8,
        SipHeaderId.Identity => "Identity"u8,
        SipHeaderId.AcceptContact => "Accept-Contact"u8,
        SipHeaderId.RejectContact => "Reject-Contact"u8,
        SipHeaderId.RequestDisposition => "Request-Disposition"u8,
        SipHeaderId.IdentityInfo => "Identity-Info"u8,
        SipHeaderId.Rseq => "RSeq"u8,
        SipHeaderId.Rack => "RAck"u8,
        SipHeaderId.Path => "Path"u8,
        SipHeaderId.ServiceRoute => "Service-Route"u8,
        SipHeaderId.Privacy => "Privacy"u8,
        SipHeaderId.PAssertedIdentity => "P-Asserted-Identity"u8,
        SipHeaderId.PPreferredIdentity => "P-Preferred-Identity"u8,
        SipHeaderId.MimeVersion => "MIME-Version"u8,
        SipHeaderId.Organization => "Organization"u8,
        SipHeaderId.Priority => "Priority"u8,
        SipHeaderId.InReplyTo => "In-Reply-To"u8,
        SipHeaderId.ReplyTo => "Reply-To"u8,
        SipHeaderId.CallInfo => "Call-Info"u8,
        SipHeaderId.AlertInfo => "Alert-Info"u8,
        SipHeaderId.ErrorInfo => "Error-Info"u8,
        SipHeaderId.ContentLanguage => "Content-Language"u8,
        SipHeaderId.Replaces => "Replaces"u8,
        SipHeaderId.Reason => "Reason"u8,
        SipHeaderId.SipIfMatch => "SIP-If-Match"u8,
        SipHeaderId.SipETag => "SIP-ETag"u8,
        _ => default,
    };
}
