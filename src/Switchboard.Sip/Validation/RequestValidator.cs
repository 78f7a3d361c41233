using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Validation;

/// <summary>
/// Decides the response RFC 3261 §8.2 (and RFC 4475's expectations) prescribe for a request that parsed but is not
/// acceptable: 505, 400 (missing/duplicate/malformed headers, CSeq mismatch), 501, 416, 420, 483. Allocation-free.
/// Content negotiation (415/406) and 405 are left to the caller, with helpers here.
/// </summary>
public sealed class RequestValidator
{
    private readonly RequestValidationPolicy _policy;

    /// <summary>Creates a validator for <paramref name="policy"/>.</summary>
    public RequestValidator(RequestValidationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>The policy in force.</summary>
    public RequestValidationPolicy Policy => _policy;

    /// <summary>Checks a parsed request. The order follows RFC 3261 §8.2: version, syntax, method, URI, extensions.</summary>
    public SipValidationResult Validate(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("Not a request.", nameof(request));
        }

        if (!request.IsSip20)
        {
            return new SipValidationResult(505, "Version Not Supported", SipValidationFailure.UnsupportedVersion);
        }

        SipValidationResult r = CheckMandatoryHeaders(request);
        if (!r.IsOk)
        {
            return r;
        }

        r = CheckHeaderSyntax(request, out SipCSeq cseq);
        if (!r.IsOk)
        {
            return r;
        }

        // RFC 4475 §3.1.2.18: an unknown method is answered 501 even when the CSeq method differs.
        if (!_policy.IsKnown(request.Method))
        {
            return new SipValidationResult(501, "Not Implemented", SipValidationFailure.UnknownMethod);
        }

        if (!cseq.MethodEquals(request.MethodBytes.Span))
        {
            return SipValidationResult.Bad("CSeq Method Mismatch", SipValidationFailure.CSeqMethodMismatch);
        }

        r = CheckRequestUri(request);
        if (!r.IsOk)
        {
            return r;
        }

        if (request.TryGetMaxForwards(out int maxForwards) && maxForwards == 0
            && (_policy.EndpointMethods & RequestValidationPolicy.Bit(request.Method)) == 0)
        {
            return new SipValidationResult(483, "Too Many Hops", SipValidationFailure.TooManyHops);
        }

        if (request.Method is not SipMethod.Ack and not SipMethod.Cancel && HasUnsupportedRequire(request))
        {
            return new SipValidationResult(420, "Bad Extension", SipValidationFailure.BadExtension);
        }

        return SipValidationResult.Ok;
    }

    /// <summary>Writes <c>Unsupported: tag, tag</c> listing the Require tags this element lacks (for a 420).</summary>
    public void WriteUnsupported(SipMessageWriter writer, SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool first = true;
        foreach (ReadOnlyMemory<byte> tag in request.GetValues(SipHeaderId.Require))
        {
            if (tag.IsEmpty || _policy.SupportsTag(tag.Span))
            {
                continue;
            }

            if (first)
            {
                writer.WriteHeaderStart("Unsupported"u8);
                first = false;
            }
            else
            {
                writer.WriteRaw(", "u8);
            }

            writer.WriteRaw(tag.Span);
        }

        if (!first)
        {
            writer.WriteHeaderEnd();
        }
    }

    /// <summary>Writes <c>Allow:</c> with the implemented methods (for 405 and 501 responses, and OPTIONS).</summary>
    public void WriteAllow(SipMessageWriter writer)
    {
        writer.WriteHeaderStart("Allow"u8);
        bool first = true;
        for (SipMethod m = SipMethod.Invite; m <= SipMethod.Publish; m++)
        {
            if (!_policy.IsKnown(m))
            {
                continue;
            }

            if (!first)
            {
                writer.WriteRaw(", "u8);
            }

            writer.WriteRaw(SipMethods.ToBytes(m));
            first = false;
        }

        writer.WriteHeaderEnd();
    }

    /// <summary>
    /// For the caller's 405 decision: true when a known method is allowed for this target. Respond 405 with
    /// <see cref="WriteAllow"/> when it is known but not allowed.
    /// </summary>
    public static bool IsAllowed(SipMethod method, ReadOnlySpan<SipMethod> allowedForTarget) => allowedForTarget.IndexOf(method) >= 0;

    /// <summary>True when the request's body type is one of <paramref name="types"/> or there is no body (RFC 3261 §8.2.3, else 415).</summary>
    public static bool IsBodyTypeAccepted(SipMessage request, ReadOnlySpan<byte> type)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Body.IsEmpty || SipAscii.EqualsIgnoreCase(request.ContentType.Span, type);
    }

    /// <summary>True when the Accept header is absent or lists <paramref name="type"/> (or a matching wildcard); else 406 (RFC 4475 §3.3.15).</summary>
    public static bool AcceptsResponseType(SipMessage request, ReadOnlySpan<byte> type)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IndexOf(SipHeaderId.Accept) < 0)
        {
            return true;
        }

        int slash = type.IndexOf((byte)'/');
        foreach (ReadOnlyMemory<byte> v in request.GetValues(SipHeaderId.Accept))
        {
            ReadOnlySpan<byte> s = v.Span;
            int semi = s.IndexOf((byte)';');
            ReadOnlySpan<byte> media = SipAscii.TrimLws(semi < 0 ? s : s[..semi]);
            if (SipAscii.EqualsIgnoreCase(media, type) || media.SequenceEqual("*/*"u8)
                || (slash > 0 && media.Length == slash + 2 && media.EndsWith("/*"u8) && SipAscii.EqualsIgnoreCase(media[..slash], type[..slash])))
            {
                return true;
            }
        }

        return false;
    }

    private static SipValidationResult CheckMandatoryHeaders(SipMessage request)
    {
        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via. Max-Forwards is tolerated when missing so
        // that RFC 2543 requests are still served (RFC 4475 §3.4.1); the others are required (RFC 4475 §3.3.1).
        if (request.IndexOf(SipHeaderId.Via) < 0)
        {
            return SipValidationResult.Bad("Missing Via", SipValidationFailure.MissingHeader);
        }

        if (request.IndexOf(SipHeaderId.To) < 0)
        {
            return SipValidationResult.Bad("Missing To", SipValidationFailure.MissingHeader);
        }

        if (request.IndexOf(SipHeaderId.From) < 0)
        {
            return SipValidationResult.Bad("Missing From", SipValidationFailure.MissingHeader);
        }

        if (request.IndexOf(SipHeaderId.CallId) < 0)
        {
            return SipValidationResult.Bad("Missing Call-ID", SipValidationFailure.MissingHeader);
        }

        if (request.IndexOf(SipHeaderId.CSeq) < 0)
        {
            return SipValidationResult.Bad("Missing CSeq", SipValidationFailure.MissingHeader);
        }

        // RFC 4475 §3.3.8: single-valued fields must not repeat.
        if (request.CountHeaders(SipHeaderId.To) > 1 || request.CountHeaders(SipHeaderId.From) > 1
            || request.CountHeaders(SipHeaderId.CallId) > 1 || request.CountHeaders(SipHeaderId.CSeq) > 1
            || request.CountHeaders(SipHeaderId.MaxForwards) > 1)
        {
            return SipValidationResult.Bad("Duplicate Header", SipValidationFailure.DuplicateHeader);
        }

        return SipValidationResult.Ok;
    }

    private static SipValidationResult CheckHeaderSyntax(SipMessage request, out SipCSeq cseq)
    {
        if (!request.TryGetCSeq(out cseq))
        {
            return SipValidationResult.Bad("Bad CSeq", SipValidationFailure.MalformedHeader);
        }

        foreach (ReadOnlyMemory<byte> v in request.GetValues(SipHeaderId.Via))
        {
            if (!SipVia.TryParse(v, out _))
            {
                return SipValidationResult.Bad("Bad Via", SipValidationFailure.MalformedHeader);
            }
        }

        if (!request.TryGetFrom(out _))
        {
            return SipValidationResult.Bad("Bad From", SipValidationFailure.MalformedHeader);
        }

        if (!request.TryGetTo(out _))
        {
            return SipValidationResult.Bad("Bad To", SipValidationFailure.MalformedHeader);
        }

        if (request.CallId.IsEmpty)
        {
            return SipValidationResult.Bad("Bad Call-ID", SipValidationFailure.MalformedHeader);
        }

        foreach (ReadOnlyMemory<byte> v in request.GetValues(SipHeaderId.Contact))
        {
            if (!SipNameAddr.TryParse(v, out SipNameAddr contact) || contact.Expires == -2)
            {
                return SipValidationResult.Bad("Bad Contact", SipValidationFailure.MalformedHeader);
            }
        }

        if (request.IndexOf(SipHeaderId.MaxForwards) >= 0 && !request.TryGetMaxForwards(out _))
        {
            return SipValidationResult.Bad("Bad Max-Forwards", SipValidationFailure.MalformedHeader);
        }

        if (request.IndexOf(SipHeaderId.Expires) >= 0 && !request.TryGetNumber(SipHeaderId.Expires, uint.MaxValue >> 1, out _))
        {
            return SipValidationResult.Bad("Bad Expires", SipValidationFailure.MalformedHeader);
        }

        if (request.TryGetHeader(SipHeaderId.Date, out ReadOnlyMemory<byte> date) && !SipDate.IsValid(date.Span))
        {
            return SipValidationResult.Bad("Bad Date", SipValidationFailure.MalformedHeader);
        }

        return SipValidationResult.Ok;
    }

    private SipValidationResult CheckRequestUri(SipMessage request)
    {
        if (!SipUri.TryParse(request.RequestUri, out SipUri uri))
        {
            return SipValidationResult.Bad("Bad Request-URI", SipValidationFailure.BadRequestUri);
        }

        if (!_policy.SupportsScheme(uri.Scheme))
        {
            return new SipValidationResult(416, "Unsupported URI Scheme", SipValidationFailure.UnsupportedUriScheme);
        }

        // RFC 4475 §3.1.2.11: headers are not allowed in a Request-URI.
        if (!uri.Headers.IsEmpty)
        {
            return SipValidationResult.Bad("Headers in Request-URI", SipValidationFailure.BadRequestUri);
        }

        return SipValidationResult.Ok;
    }

    private bool HasUnsupportedRequire(SipMessage request)
    {
        foreach (ReadOnlyMemory<byte> tag in request.GetValues(SipHeaderId.Require))
        {
            if (!tag.IsEmpty && !_policy.SupportsTag(tag.Span))
            {
                return true;
            }
        }

        return false;
    }
}
