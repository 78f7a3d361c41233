using System.Text;
using Switchboard.Core.Sip;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>CANCEL (RFC 3261 §9.2): 200 to the CANCEL, then the matching INVITE's channel answers 487 and ends; 481 when no INVITE matches.</summary>
internal sealed class CancelHandler(CallEnvironment env) : ISipRequestHandler
{
    public void Handle(SipRequestContext context)
    {
        var invite = env.Stack.Transactions.FindInviteForCancel(context.Request);
        if (invite is null)
        {
            SipResponder.Send(env.Stack, context, 481, "Call/Transaction Does Not Exist");
            return;
        }

        SipResponder.Send(env.Stack, context, 200, "OK");
        var callKey = Encoding.UTF8.GetString(context.Request.CallId.Span);
        env.Serializer.Post(callKey, static s =>
        {
            if (s.env.Calls.TryGetValue(s.callKey, out var inbound))
            {
                inbound.OnCancel();
            }
        }, (env, callKey));
    }
}
