using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Sip;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Authentication;

/// <summary>
/// The UAC side of digest authentication toward trunks (RFC 3261 §22.2, RFC 8760): answers a 401/407 with the
/// endpoint's outbound_auth credentials by building the same request again (same Call-ID and From tag, next CSeq)
/// carrying an Authorization / Proxy-Authorization line. Shared by outgoing INVITEs and out-of-dialog MESSAGEs.
/// </summary>
internal static class OutboundDigest
{
    /// <summary>The first configured outbound_auth of <paramref name="endpoint"/> that exists, else null.</summary>
    public static PjsipAuth? CredentialsFor(PjsipRuntime runtime, PjsipEndpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        foreach (var name in endpoint.OutboundAuths)
        {
            if (runtime.Auth(name) is { } auth)
            {
                return auth;
            }
        }

        return null;
    }

    /// <summary>
    /// Builds the retry of <paramref name="request"/> answering the challenge in <paramref name="response"/> (401 or 407).
    /// False when the response carries no readable challenge or the algorithm is not supported.
    /// </summary>
    public static bool TryAnswer(SipMessage response, OutgoingRequest request, PjsipAuth auth, out OutgoingRequest retry)
    {
        retry = request;
        bool proxy = response.StatusCode == 407;
        var header = proxy ? SipHeaderId.ProxyAuthenticate : SipHeaderId.WwwAuthenticate;
        if (!response.TryGetHeader(header, out var value) || !DigestChallenge.TryParse(value, out var challenge))
        {
            return false;
        }

        var next = new OutgoingRequest
        {
            Method = request.Method,
            RequestUri = request.RequestUri,
            FromUri = request.FromUri,
            FromDisplay = request.FromDisplay,
            FromTag = request.FromTag,
            ToUri = request.ToUri,
            ToDisplay = request.ToDisplay,
            CallId = request.CallId,
            CSeq = request.CSeq + 1,
            ContactUser = request.ContactUser,
            ContentType = request.ContentType,
            Body = request.Body,
        };
        next.Headers.AddRange(request.Headers);
        using (var buf = new PooledBufferWriter())
        {
            var w = new SipMessageWriter(buf);
            Span<byte> cnonce = stackalloc byte[DigestClient.CnonceLength];
            int n = DigestClient.WriteCnonce(cnonce);
            if (!DigestClient.TryWriteAuthorization(w, challenge, proxy, Encoding.UTF8.GetBytes(auth.Username), Encoding.UTF8.GetBytes(auth.Password),
                SipMethods.ToBytes(request.Method), Encoding.UTF8.GetBytes(request.RequestUri), 1, cnonce[..n]))
            {
                return false;
            }

            next.RawHeaderLines = buf.WrittenSpan.ToArray();
        }

        retry = next;
        return true;
    }
}
