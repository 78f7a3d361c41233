using Switchboard.Config.Pjsip;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>One contact a Dial forks to: the endpoint, the Request-URI and where to send.</summary>
internal sealed record DialTarget(PjsipEndpoint Endpoint, string Uri, SipPeer Peer)
{
    /// <summary>The dial string resource this target came from (AMI DialString).</summary>
    public string Dialed { get; init; } = Endpoint.Name;
}
