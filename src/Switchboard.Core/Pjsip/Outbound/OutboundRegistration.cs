using Switchboard.Common.Timing;
using Switchboard.Config.Pjsip;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Outbound;

/// <summary>Runtime state of one outbound registration object (a trunk's REGISTER to its ITSP).</summary>
internal sealed class OutboundRegistration
{
    public OutboundRegistration(PjsipRegistration config) => Config = config;

    public PjsipRegistration Config { get; set; }

    public string CallId { get; } = Switchboard.Core.Sip.SipTags.NewCallId();

    public string FromTag { get; } = Switchboard.Core.Sip.SipTags.NewString();

    public long CSeq { get; set; }

    public int Retries { get; set; }

    public int AuthAttempts { get; set; }

    public string Status { get; set; } = "Unregistered";

    public TimerHandle Timer { get; set; }

    public SipPeer? Peer { get; set; }

    public bool Stopped { get; set; }
}
