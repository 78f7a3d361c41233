using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Validation;

/// <summary>
/// Whether a parsed response may be handed to the transaction layer. Broken responses are dropped, never answered
/// (RFC 4475 §3.1.2.5, §3.1.2.19).
/// </summary>
public static class ResponseValidator
{
    /// <summary>True when version, top Via, CSeq, Call-ID, From and To are usable.</summary>
    public static bool IsAcceptable(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return !response.IsRequest && response.IsSip20
            && response.TryGetTopVia(out _)
            && response.TryGetCSeq(out _)
            && !response.CallId.IsEmpty
            && response.CountHeaders(SipHeaderId.CSeq) == 1 && response.CountHeaders(SipHeaderId.CallId) == 1
            && response.TryGetFrom(out SipNameAddr _) && response.TryGetTo(out SipNameAddr _);
    }
}
