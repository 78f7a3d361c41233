using System.Collections.Concurrent;
using System.Text;
using Switchboard.Config.Pjsip;
using Switchboard.Core.Pjsip.Identification;
using Switchboard.Core.Sip;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Authentication;

/// <summary>
/// Digest authentication of requests from endpoints (REGISTER, INVITE, MESSAGE, SUBSCRIBE): challenges with 401,
/// verifies MD5 / SHA-256 (qop=auth), answers an expired nonce with stale=true, and publishes the security events.
/// An unknown user, a wrong password and a malformed answer all get the same fresh 401 challenge, so scanners
/// cannot enumerate accounts.
/// </summary>
public sealed class InboundAuthenticator
{
    private readonly PjsipRuntime _runtime;
    private readonly SipStack _stack;
    private readonly SecurityEvents _events;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, (DigestNonceManager Nonces, DigestVerifier Verifier)> _byLifetime = new();

    public InboundAuthenticator(PjsipRuntime runtime, SipStack stack, SecurityEvents events, TimeProvider time)
    {
        _runtime = runtime;
        _stack = stack;
        _events = events;
        _time = time;
    }

    /// <summary>
    /// True when the request may proceed (authenticated, or the endpoint has no inbound auth). Otherwise a 401 has
    /// been sent and the caller stops.
    /// </summary>
    public bool Authenticate(SipRequestContext context, in IdentificationResult identity)
    {
        var request = context.Request;
        var config = _runtime.Config;
        var endpoint = identity.Endpoint;
        bool hasCredentials = request.TryGetHeader(SipHeaderId.Authorization, out var authValue);
        if (endpoint is null)
        {
            var account = EndpointIdentifier.TryGetAuthUsername(request, out var u) ? u : identity.FromUser;
            _events.InvalidAccountId(context.Local, context.Peer, request, account);
            Challenge(context, config.Global.DefaultRealm, ["MD5"], 32, stale: false, account: null);
            return false;
        }

        var auths = endpoint.Auths.Select(config.Auths.Find).OfType<PjsipAuth>().ToArray();
        if (auths.Length == 0)
        {
            return true;
        }

        var first = auths[0];
        var realm = first.Realm.Length > 0 ? first.Realm : config.Global.DefaultRealm;
        var algorithms = first.SupportedAlgorithmsUas.Count > 0 ? first.SupportedAlgorithmsUas : ["MD5"];
        var (_, verifier) = ForLifetime(first.NonceLifetime);
        if (!hasCredentials || !DigestCredentials.TryParse(authValue, out var credentials))
        {
            Challenge(context, realm, algorithms, first.NonceLifetime, stale: false, account: endpoint.Name);
            return false;
        }

        var result = verifier.Verify(credentials, request.MethodBytes.Span, Encoding.UTF8.GetBytes(realm), new EndpointSecretStore(auths));
        switch (result)
        {
            case DigestVerificationResult.Ok:
                _events.SuccessfulAuth(context.Local, context.Peer, request, endpoint.Name);
                return true;
            case DigestVerificationResult.Stale:
                Challenge(context, realm, algorithms, first.NonceLifetime, stale: true, account: endpoint.Name);
                return false;
            case DigestVerificationResult.WrongPassword:
                _events.InvalidPassword(context.Local, context.Peer, request, endpoint.Name, Text(credentials.Nonce), Text(credentials.Nonce), Text(credentials.Response));
                break;
            default:
                _events.ChallengeResponseFailed(context.Local, context.Peer, request, endpoint.Name, Text(credentials.Nonce), Text(credentials.Response), string.Empty);
                break;
        }

        Challenge(context, realm, algorithms, first.NonceLifetime, stale: false, account: endpoint.Name);
        return false;
    }

    private void Challenge(SipRequestContext context, string realm, IReadOnlyList<string> algorithms, int lifetime, bool stale, string? account)
    {
        var (nonces, _) = ForLifetime(lifetime);
        Span<byte> nonce = stackalloc byte[DigestNonceManager.NonceLength];
        int n = nonces.WriteNonce(nonce);
        var nonceBytes = nonce[..n].ToArray();
        var realmBytes = Encoding.UTF8.GetBytes(realm);
        if (account is not null)
        {
            _events.ChallengeSent(context.Local, context.Peer, context.Request, account, Encoding.ASCII.GetString(nonceBytes));
        }

        SipResponder.Send(_stack, context, 401, "Unauthorized", w =>
        {
            foreach (var name in algorithms)
            {
                var alg = name.ToUpperInvariant() switch
                {
                    "SHA-256" => DigestAlgorithm.Sha256,
                    "MD5" => DigestAlgorithm.Md5,
                    _ => DigestAlgorithm.Unknown,
                };
                if (alg != DigestAlgorithm.Unknown)
                {
                    DigestChallengeWriter.Write(w, false, realmBytes, alg, nonceBytes, stale: stale);
                }
            }
        });
    }

    private (DigestNonceManager Nonces, DigestVerifier Verifier) ForLifetime(int seconds)
        => _byLifetime.GetOrAdd(seconds <= 0 ? 32 : seconds, s =>
        {
            var m = new DigestNonceManager(_time, TimeSpan.FromSeconds(s));
            return (m, new DigestVerifier(m));
        });

    private static string Text(ReadOnlyMemory<byte> v) => Encoding.UTF8.GetString(v.Span).Trim('"');
}
