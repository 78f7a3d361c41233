using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class NonInviteServerTransactionTests
{
    [Fact]
    public void New_request_creates_a_transaction_and_retransmissions_get_the_final_response_again()
    {
        using var h = new TransactionHarness();
        ServerRequestResult r = h.Receive(SipTexts.Request("REGISTER"));
        Assert.Equal(ServerRequestDisposition.New, r.Disposition);
        ServerTransaction tx = r.Transaction!;
        Assert.Equal(TransactionState.Trying, tx.State);
        Assert.Equal("call-2", System.Text.Encoding.ASCII.GetString(tx.Request.CallId.Span)); // own copy, caller disposed its message

        // retransmission before any response: absorbed, nothing sent
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Request("REGISTER")).Disposition);
        Assert.Empty(h.Sender.Sent);

        Assert.True(tx.SendResponse(200, "OK"u8, "srvtag"u8));
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Throws<InvalidOperationException>(() => tx.Request);
        Assert.False(tx.SendResponse(500, "Oops"u8));

        h.AdvanceMs(3000);
        ServerRequestResult again = h.Receive(SipTexts.Request("REGISTER"));
        Assert.Equal(ServerRequestDisposition.Absorbed, again.Disposition);
        Assert.Same(tx, again.Transaction);
        List<SentMessage> sent = h.Sender.StartingWith("SIP/2.0 200");
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Text, sent[1].Text);
        Assert.Equal("<sip:bob@example.com>;tag=srvtag", sent[0].Header("To"));
        Assert.Equal("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKreq1", sent[0].Header("Via"));

        h.AdvanceMs(29_000 - 1);
        Assert.Equal(TransactionState.Completed, tx.State);
        h.AdvanceMs(1); // Timer J = 64*T1 after the final response
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);

        ServerRequestResult late = h.Receive(SipTexts.Request("REGISTER"));
        Assert.Equal(ServerRequestDisposition.New, late.Disposition);
        Assert.NotSame(tx, late.Transaction);
        TransactionCounters c = h.Layer.Counters;
        Assert.Equal(2, c.ServerTransactionsCreated);
        Assert.Equal(2, c.RetransmissionsReceived);
        Assert.Equal(1, c.RetransmissionsSent);
    }

    [Fact]
    public void Proceeding_retransmissions_get_the_last_provisional()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Request("MESSAGE")).Transaction!;
        Assert.True(tx.SendResponse(100, "Trying"u8));
        Assert.Equal(TransactionState.Proceeding, tx.State);
        h.Receive(SipTexts.Request("MESSAGE"));
        Assert.Equal(2, h.Sender.StartingWith("SIP/2.0 100").Count);
        Assert.True(tx.SendResponse(202, "Accepted"u8, "x"u8));
        h.Receive(SipTexts.Request("MESSAGE"));
        Assert.Equal(2, h.Sender.StartingWith("SIP/2.0 202").Count);
    }

    [Fact]
    public void Reliable_transport_terminates_right_after_the_final_response()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Request("OPTIONS"), TransactionHarness.Tcp).Transaction!;
        Assert.Equal(TransactionHarness.Tcp, tx.Peer);
        Assert.True(tx.SendResponse(200, "OK"u8, "t"u8));
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);
        Assert.Equal(TransactionHarness.Tcp, Assert.Single(h.Sender.Sent).Peer);
    }

    [Fact]
    public void Unanswered_request_is_dropped_after_64T1_and_reported()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Request("SUBSCRIBE")).Transaction!;
        var user = new RecordingServerUser();
        tx.User = user;
        h.AdvanceMs(32_000);
        Assert.Equal([TransactionFailure.NotAnswered], user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);
    }

    [Fact]
    public void Transport_error_on_the_response_terminates_and_reports()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(SipTexts.Request("INFO")).Transaction!;
        var user = new RecordingServerUser();
        tx.User = user;
        h.Sender.Fail = true;
        Assert.False(tx.SendResponse(200, "OK"u8));
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal([TransactionFailure.TransportError], user.Failures);
        Assert.Equal(1, h.Layer.Counters.TransportErrors);
    }

    [Fact]
    public void Key_includes_method_and_sent_by()
    {
        using var h = new TransactionHarness();
        ServerTransaction first = h.Receive(SipTexts.Request("OPTIONS", branch: "z9hG4bKsame")).Transaction!;
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Request("INFO", branch: "z9hG4bKsame")).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Request("OPTIONS", branch: "z9hG4bKsame", host: "10.0.0.9:5060")).Disposition);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Request("OPTIONS", branch: "z9hG4bKsame", host: "127.0.0.1:5070")).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Request("OPTIONS", branch: "z9hG4bKSAME")).Disposition); // branch is case-sensitive
        Assert.Equal(4, h.Layer.Counters.ActiveServerTransactions);
        Assert.Equal(TransactionState.Trying, first.State);
    }

    [Fact]
    public void Extension_methods_are_matched_by_their_name()
    {
        using var h = new TransactionHarness();
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Request("FOO", branch: "z9hG4bKext")).Disposition);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Request("FOO", branch: "z9hG4bKext")).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(SipTexts.Request("BAR", branch: "z9hG4bKext")).Disposition);
    }

    [Fact]
    public void Request_without_via_is_invalid()
    {
        using var h = new TransactionHarness();
        string noVia = SipTexts.Request("OPTIONS").Replace("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKreq1\r\n", "");
        Assert.Equal(ServerRequestDisposition.Invalid, h.Receive(noVia).Disposition);
    }
}
