using System.Text;
using Switchboard.Core.Events;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Transport;

namespace Switchboard.Core.Sip;

/// <summary>Publishes PJSIP security events with Asterisk's names and fields (Service "PJSIP", SessionID = Call-ID).</summary>
public sealed class SecurityEvents(EventBus bus, TimeProvider time)
{
    public const string Service = "PJSIP";

    public void RequestBadFormat(LocalTransportInfo local, SipPeer peer, SipMessage? request, string reason)
        => Publish(SecurityEventType.RequestBadFormat, local, peer, request, AccountOf(request), [new("RequestType", request is null ? "unparsable" : SipMethods.ToName(request.Method)), new("RequestParams", reason)]);

    public void InvalidAccountId(LocalTransportInfo local, SipPeer peer, SipMessage request, string account)
        => Publish(SecurityEventType.InvalidAccountID, local, peer, request, account, []);

    public void ChallengeSent(LocalTransportInfo local, SipPeer peer, SipMessage request, string account, string nonce)
        => Publish(SecurityEventType.ChallengeSent, local, peer, request, account, [new("Challenge", nonce)]);

    public void InvalidPassword(LocalTransportInfo local, SipPeer peer, SipMessage request, string account, string challenge, string receivedChallenge, string receivedHash)
        => Publish(SecurityEventType.InvalidPassword, local, peer, request, account, [new("Challenge", challenge), new("ReceivedChallenge", receivedChallenge), new("ReceivedHash", receivedHash)]);

    public void ChallengeResponseFailed(LocalTransportInfo local, SipPeer peer, SipMessage request, string account, string challenge, string response, string expected)
        => Publish(SecurityEventType.ChallengeResponseFailed, local, peer, request, account, [new("Challenge", challenge), new("Response", response), new("ExpectedResponse", expected)]);

    public void SuccessfulAuth(LocalTransportInfo local, SipPeer peer, SipMessage request, string account)
        => Publish(SecurityEventType.SuccessfulAuth, local, peer, request, account, [new("UsingPassword", "1")]);

    public void FailedAcl(LocalTransportInfo local, SipPeer peer, SipMessage request, string account, string aclName)
        => Publish(SecurityEventType.FailedACL, local, peer, request, account, [new("ACLName", aclName)]);

    private void Publish(SecurityEventType type, LocalTransportInfo local, SipPeer peer, SipMessage? request, string account, KeyValuePair<string, string>[] fields)
    {
        var proto = local.Protocol.ToString().ToUpperInvariant();
        var callId = request is null ? string.Empty : Encoding.UTF8.GetString(request.CallId.Span);
        bus.Publish(new SecurityEvent(type, time.GetUtcNow(), Service, account, callId,
            new TransportAddress(local.EndPoint, proto), new TransportAddress(peer.Remote, proto), fields));
    }

    private static string AccountOf(SipMessage? request)
    {
        if (request is not null && request.TryGetFrom(out var from) && Switchboard.Sip.Uris.SipUri.TryParse(from.Uri, out var uri))
        {
            return Encoding.UTF8.GetString(uri.User.Span);
        }

        return string.Empty;
    }
}
