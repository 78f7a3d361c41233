using Switchboard.Sip.Transactions;
using static Switchboard.Sip.Tests.Transactions.InviteClientTransactionTests;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>
/// What a client transaction keeps while it waits out Timer D/K/M after its final response: its key (it must still
/// match retransmissions), not the request, and not the TU once nothing more will be reported to it.
/// </summary>
public sealed class ClientTransactionRetentionTests
{
    private const string Branch = "z9hG4bKreq1";
    private const string InviteBranch = "z9hG4bKinv1";

    [Fact]
    public void Completed_non_invite_lets_go_of_user_and_request_but_still_absorbs_retransmissions()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("MESSAGE")), TransactionHarness.Udp, user, userState: new object());
        h.AdvanceMs(100);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, method: "MESSAGE", callId: "call-2")));
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.NotSame(user, tx.User);
        Assert.Null(tx.UserState);
        Assert.Throws<InvalidOperationException>(() => tx.Request);

        // The key was copied out of the released request: retransmissions are still matched, not stray.
        for (int i = 0; i < 50; i++)
        {
            h.Layer.SendRequest(Bytes(SipTexts.Request("OPTIONS", branch: "z9hG4bKother" + i)), TransactionHarness.Udp, new RecordingClientUser(h.Time));
        }

        Assert.Equal(ResponseDisposition.Absorbed, h.ReceiveResponse(SipTexts.Response(200, Branch, method: "MESSAGE", callId: "call-2")));
        Assert.Equal([200], user.Responses);
        h.AdvanceMs(5_000);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Completed_invite_keeps_its_ack_for_retransmitted_finals_without_the_request()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.ReceiveResponse(SipTexts.Response(486, InviteBranch, toTag: "x"));
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.NotSame(user, tx.User);
        Assert.Equal(ResponseDisposition.Absorbed, h.ReceiveResponse(SipTexts.Response(486, InviteBranch, toTag: "x")));
        var acks = h.Sender.StartingWith("ACK");
        Assert.Equal(2, acks.Count);
        Assert.Equal(acks[0].Text, acks[1].Text);
        Assert.Equal([486], user.Responses);
    }

    [Fact]
    public void Accepted_invite_keeps_its_user_for_2xx_retransmissions_until_released()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user, userState: "leg");
        h.ReceiveResponse(SipTexts.Response(200, InviteBranch, toTag: "a"));
        Assert.Equal(TransactionState.Accepted, tx.State);
        Assert.Same(user, tx.User);
        Assert.Equal("leg", tx.UserState);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, InviteBranch, toTag: "a")));

        tx.ReleaseUser(); // the call ended
        Assert.Null(tx.UserState);
        h.ReceiveResponse(SipTexts.Response(200, InviteBranch, toTag: "a"));
        Assert.Equal([200, 200], user.Responses);
        Assert.Equal(TransactionState.Accepted, tx.State); // still absorbing until Timer M
        h.AdvanceMs(32_000);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }
}
