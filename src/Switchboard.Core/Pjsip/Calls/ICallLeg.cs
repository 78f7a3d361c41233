using Switchboard.Core.Sip;
using Switchboard.Sip.Messages;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>A SIP call leg that owns dialogs: receives the in-dialog requests routed to it (on its serializer key).</summary>
internal interface ICallLeg
{
    /// <summary>The call's serializer key.</summary>
    string CallKey { get; }

    /// <summary>BYE, re-INVITE, INFO ... inside the leg's dialog. Must answer the request.</summary>
    void OnDialogRequest(SipRequestContext context);

    /// <summary>An ACK for a 2xx this leg sent.</summary>
    void OnAck(SipMessage ack);
}
