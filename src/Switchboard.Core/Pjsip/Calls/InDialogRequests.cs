using Switchboard.Core.Sip;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Routes in-dialog requests (BYE, re-INVITE ...) and ACKs to the leg that owns the dialog; 481 when none does.</summary>
internal sealed class InDialogRequests(CallEnvironment env) : ISipRequestHandler
{
    public void Handle(SipRequestContext context) => Route(env, context);

    public static void Route(CallEnvironment env, SipRequestContext context)
    {
        var leg = env.Dialogs.FindForRequest(context.Request);
        if (leg is null)
        {
            SipResponder.Send(env.Stack, context, 481, "Call/Transaction Does Not Exist");
            return;
        }

        env.Serializer.Post(leg.CallKey, static s => s.leg.OnDialogRequest(s.context), (leg, context));
    }

    /// <summary>An ACK for a 2xx: stops the leg's 2xx retransmission.</summary>
    public static void OnAck(CallEnvironment env, SipMessage ack)
    {
        var leg = env.Dialogs.FindForRequest(ack);
        if (leg is null)
        {
            return;
        }

        var detached = ack.Detach();
        env.Serializer.Post(leg.CallKey, static s =>
        {
            using (s.detached)
            {
                s.leg.OnAck(s.detached);
            }
        }, (leg, detached));
    }
}
