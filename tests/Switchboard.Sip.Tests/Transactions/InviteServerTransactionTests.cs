using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class InviteServerTransactionTests
{
    [Fact]
    public void Sends_100_Trying_when_the_TU_is_silent_for_200_ms()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite(extraHeaders: "Timestamp: 54\r\n")).Transaction!;
        Assert.Equal(TransactionState.Proceeding, tx.State);
        h.AdvanceMs(199);
        Assert.Empty(h.Sender.Sent);
        h.AdvanceMs(1);
        SentMessage trying = Assert.Single(h.Sender.Sent);
        Assert.Equal("SIP/2.0 100 Trying", trying.StartLine);
        Assert.Equal("<sip:bob@example.com>", trying.Header("To"));
        Assert.Equal("54", trying.Header("Timestamp"));
        Assert.Equal(100, tx.LastStatusCode);

        // a retransmitted INVITE gets the 100 again
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Invite()).Disposition);
        Assert.Equal(2, h.Sender.StartingWith("SIP/2.0 100").Count);
    }

    [Fact]
    public void No_automatic_100_when_the_TU_answered_in_time_or_it_is_disabled()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        h.AdvanceMs(50);
        Assert.True(tx.SendResponse(180, "Ringing"u8, "tt"u8));
        h.AdvanceMs(1000);
        Assert.Equal(["SIP/2.0 180 Ringing"], h.Sender.Sent.Select(m => m.StartLine));

        using var off = new TransactionHarness(new TransactionTimerSettings { AutoTryingDelay = null });
        off.Receive(SipTexts.Invite());
        off.AdvanceMs(1000);
        Assert.Empty(off.Sender.Sent);
    }

    [Fact]
    public void Non_2xx_final_over_udp_is_retransmitted_on_timer_G_until_timer_H_reports_timeout()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        var user = new RecordingServerUser();
        tx.User = user;
        Assert.True(tx.SendResponse(486, "Busy Here"u8, "b1"u8));
        Assert.Equal(TransactionState.Completed, tx.State);
        h.AdvanceMs(31_999);
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], h.Sender.TimesOf("SIP/2.0 486"));
        Assert.Empty(user.Failures);
        h.AdvanceMs(1);
        Assert.Equal([TransactionFailure.Timeout], user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(1, h.Layer.Counters.Timeouts);
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);
    }

    [Fact]
    public void Ack_confirms_stops_retransmissions_is_absorbed_and_timer_I_ends_the_transaction()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        tx.SendResponse(404, "Not Found"u8, "nf"u8);
        h.AdvanceMs(600);
        ServerRequestResult ack = h.Receive(SipTexts.Ack(toTag: "nf"));
        Assert.Equal(ServerRequestDisposition.Absorbed, ack.Disposition);
        Assert.Same(tx, ack.Transaction);
        Assert.Equal(TransactionState.Confirmed, tx.State);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Ack(toTag: "nf")).Disposition);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Invite()).Disposition); // retransmitted INVITE
        h.AdvanceMs(5000 - 1);
        Assert.Equal(TransactionState.Confirmed, tx.State);
        h.AdvanceMs(1);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal([0, 500], h.Sender.TimesOf("SIP/2.0 404"));
        Assert.Equal(0, h.Layer.Counters.Timeouts);
    }

    [Fact]
    public void Reliable_non_2xx_is_sent_once_and_the_ack_terminates_at_once()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite(), TransactionHarness.Tcp).Transaction!;
        tx.SendResponse(603, "Decline"u8, "d"u8);
        h.AdvanceMs(10_000);
        Assert.Single(h.Sender.StartingWith("SIP/2.0 603"));
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Ack(toTag: "d"), TransactionHarness.Tcp).Disposition);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Two_xx_moves_to_accepted_where_invite_retransmissions_are_absorbed_silently_until_timer_L()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        tx.SendResponse(180, "Ringing"u8, "ok1"u8);
        Assert.True(tx.SendResponse(200, "OK"u8, "ok1"u8));
        Assert.Equal(TransactionState.Accepted, tx.State);
        Assert.False(tx.SendResponse(486, "Busy"u8, "ok1"u8));
        Assert.False(tx.SendResponse(200, "OK"u8, "ok1"u8)); // the request is released after the final response
        h.AdvanceMs(500);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Invite()).Disposition);
        Assert.Single(h.Sender.StartingWith("SIP/2.0 200"));

        // the ACK for a 2xx has its own branch: no transaction, handed to the TU
        ServerRequestResult ack = h.Receive(SipTexts.Ack(branch: "z9hG4bKack2", toTag: "ok1"));
        Assert.Equal(ServerRequestDisposition.Ack, ack.Disposition);
        Assert.Null(ack.Transaction);

        h.AdvanceMs(32_000 - 500 - 1);
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.AdvanceMs(1);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Empty(h.Sender.StartingWith("SIP/2.0 100"));
    }

    [Fact]
    public void Tu_may_retransmit_2xx_through_the_transaction_in_accepted()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        byte[] ok = System.Text.Encoding.UTF8.GetBytes(SipTexts.Response(200, "z9hG4bKinv1", toTag: "x"));
        Assert.True(tx.SendResponse(ok));
        Assert.True(tx.SendResponse(ok));
        Assert.Equal(2, h.Sender.StartingWith("SIP/2.0 200").Count);
        Assert.Throws<ArgumentException>(() => tx.SendResponse("INVITE sip:x SIP/2.0\r\n\r\n"u8));
    }

    [Fact]
    public void Cancel_finds_its_invite_and_gets_its_own_transaction()
    {
        using var h = new TransactionHarness();
        ServerTransaction invite = h.Receive(SipTexts.Invite()).Transaction!;
        using var cancelMsg = TransactionHarness.Parse(SipTexts.Request("CANCEL", branch: "z9hG4bKinv1", callId: "call-1"));
        Assert.Same(invite, h.Layer.FindInviteForCancel(cancelMsg));

        ServerRequestResult cancel = h.Receive(SipTexts.Request("CANCEL", branch: "z9hG4bKinv1", callId: "call-1"));
        Assert.Equal(ServerRequestDisposition.New, cancel.Disposition);
        Assert.NotSame(invite, cancel.Transaction);
        Assert.False(cancel.Transaction!.IsInvite);

        using var other = TransactionHarness.Parse(SipTexts.Request("CANCEL", branch: "z9hG4bKnope", callId: "call-1"));
        Assert.Null(h.Layer.FindInviteForCancel(other));
        using var otherHost = TransactionHarness.Parse(SipTexts.Request("CANCEL", branch: "z9hG4bKinv1", callId: "call-1", host: "10.1.1.1"));
        Assert.Null(h.Layer.FindInviteForCancel(otherHost));

        cancel.Transaction.SendResponse(200, "OK"u8, "c"u8);
        invite.SendResponse(487, "Request Terminated"u8, "c"u8);
        Assert.Single(h.Sender.StartingWith("SIP/2.0 487"));
    }

    [Fact]
    public void Unanswered_invite_is_dropped_after_the_configured_limit()
    {
        using var h = new TransactionHarness(new TransactionTimerSettings { InviteAnswerLimit = TimeSpan.FromSeconds(3) });
        ServerTransaction tx = h.Receive(SipTexts.Invite()).Transaction!;
        var user = new RecordingServerUser();
        tx.User = user;
        h.AdvanceMs(3000);
        Assert.Equal([TransactionFailure.NotAnswered], user.Failures);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Invite()).Disposition);
    }
}
