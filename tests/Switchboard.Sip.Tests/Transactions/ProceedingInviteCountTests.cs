using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>TransactionLayer.ProceedingInvites (the overload control's pending-INVITE signal).</summary>
public sealed class ProceedingInviteCountTests
{
    [Fact]
    public void Counts_invites_until_their_final_response_or_termination()
    {
        using var h = new TransactionHarness(new TransactionTimerSettings { InviteAnswerLimit = TimeSpan.FromSeconds(10) });
        ServerTransaction a = h.Receive(SipTexts.Invite(branch: "z9hG4bKa", callId: "a")).Transaction!;
        ServerTransaction b = h.Receive(SipTexts.Invite(branch: "z9hG4bKb", callId: "b")).Transaction!;
        ServerTransaction c = h.Receive(SipTexts.Invite(branch: "z9hG4bKc", callId: "c")).Transaction!;
        h.Receive(SipTexts.Request("OPTIONS", branch: "z9hG4bKo"));
        Assert.Equal(3, h.Layer.ProceedingInvites);

        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Invite(branch: "z9hG4bKa", callId: "a")).Disposition);
        Assert.True(a.SendResponse(180, "Ringing"u8, "ta"u8));
        Assert.Equal(3, h.Layer.ProceedingInvites); // provisional responses keep it pending

        Assert.True(a.SendResponse(200, "OK"u8, "ta"u8));
        Assert.True(b.SendResponse(503, "Service Unavailable"u8, "tb"u8));
        Assert.Equal(1, h.Layer.ProceedingInvites);
        Assert.False(b.SendResponse(500, "Again"u8, "tb"u8));
        Assert.Equal(1, h.Layer.ProceedingInvites);

        h.AdvanceMs(9_000);
        Assert.Equal(1, h.Layer.ProceedingInvites);
        h.AdvanceMs(1_000); // the answer limit ends c: the TU never answered it
        Assert.Equal(TransactionState.Terminated, c.State);
        Assert.Equal(0, h.Layer.ProceedingInvites);
        h.AdvanceMs(64 * 500); // timers of a and b end them without counting twice
        Assert.Equal(0, h.Layer.ProceedingInvites);
    }
}
