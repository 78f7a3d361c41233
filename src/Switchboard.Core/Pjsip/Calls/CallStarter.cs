using Switchboard.Config.Pjsip;
using Switchboard.Core.Sip;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>Creates the inbound channel of a new INVITE (on its key) and runs the dialplan for it.</summary>
internal static class CallStarter
{
    public static void StartCall(this CallEnvironment env, SipRequestContext context, PjsipEndpoint endpoint, LegAddress address, string callKey, string exten, CallerIdInfo callerId)
    {
        var caller = new PjsipInboundChannel(env, endpoint, callKey, address, context.Transaction)
        {
            RelaysMedia = !endpoint.DirectMedia,
            CallerId = callerId,
            Context = endpoint.Context,
            Exten = exten,
        };
        env.Channels.Add(caller);
        env.Channels.CountCall();
        CallLog.NewCall(env.Log, caller.Name, endpoint.Name, exten, endpoint.Context);
        if (!caller.TryAcceptOffer())
        {
            caller.Hangup(HangupCauses.IncompatibleDestination);
            return;
        }

        _ = RunDialplanAsync(env, caller, endpoint.Context, exten);
    }

    private static async Task RunDialplanAsync(CallEnvironment env, PjsipInboundChannel caller, string context, string exten)
    {
        try
        {
            await env.Dialplan.RunAsync(caller, context, exten).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            CallLog.DialplanFailed(env.Log, e, caller.Name);
        }
        finally
        {
            if (!caller.IsHungUp)
            {
                await env.RunOnKeyAsync(caller.CallKey, () => caller.Hangup(HangupCauses.NormalClearing)).ConfigureAwait(false);
            }
        }
    }

    private static class HangupCauses
    {
        public const int NormalClearing = 16;
        public const int IncompatibleDestination = 88;
    }
}
