namespace Switchboard.Core.Pjsip.Calls;

/// <summary>What Dial learns from an outgoing leg; called on the call's serializer key.</summary>
internal interface IDialObserver
{
    /// <summary>180/183 arrived (with SDP for early media when <paramref name="earlyMedia"/>).</summary>
    void OnProgress(PjsipOutboundChannel leg, int status, bool earlyMedia);

    /// <summary>2xx arrived; the leg is up.</summary>
    void OnAnswered(PjsipOutboundChannel leg);

    /// <summary>The leg ended without answering (final failure response, timeout, transport error).</summary>
    void OnFailed(PjsipOutboundChannel leg, int cause);
}
