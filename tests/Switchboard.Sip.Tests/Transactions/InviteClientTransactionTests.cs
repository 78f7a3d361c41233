using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class InviteClientTransactionTests
{
    private const string Branch = "z9hG4bKinv1";

    [Fact]
    public void Udp_retransmits_on_timer_A_doubling_and_times_out_on_timer_B()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        Assert.Equal(TransactionState.Calling, tx.State);

        h.AdvanceMs(31_999);
        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], h.Sender.TimesOf("INVITE"));
        Assert.Empty(user.Failures);

        h.AdvanceMs(1);
        Assert.Equal([(TransactionFailure.Timeout, 32_000d)], user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
        TransactionCounters c = h.Layer.Counters;
        Assert.Equal(0, c.ActiveClientTransactions);
        Assert.Equal(1, c.Timeouts);
        Assert.Equal(6, c.RetransmissionsSent);

        h.AdvanceMs(40_000);
        Assert.Equal(7, h.Sender.TimesOf("INVITE").Count);
        Assert.Single(user.Failures);
    }

    [Fact]
    public void Reliable_transport_sends_once_and_times_out_on_timer_B()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Tcp, user);
        h.AdvanceMs(32_000);
        Assert.Equal([0d], h.Sender.TimesOf("INVITE"));
        Assert.Equal([(TransactionFailure.Timeout, 32_000d)], user.Failures);
    }

    [Fact]
    public void Provisional_response_stops_retransmissions_and_timer_B()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.AdvanceMs(600);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(100, Branch, toTag: "")));
        Assert.Equal(TransactionState.Proceeding, tx.State);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(180, Branch)));
        h.AdvanceMs(60_000);
        Assert.Equal([0, 500], h.Sender.TimesOf("INVITE"));
        Assert.Empty(user.Failures);
        Assert.Equal([100, 180], user.Responses);
        Assert.Equal(TransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void Non_2xx_final_is_acked_per_17_1_1_3_and_retransmissions_are_re_acked_not_delivered()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.ReceiveResponse(SipTexts.Response(180, Branch));
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(486, Branch, toTag: "busy9")));
        Assert.Equal(TransactionState.Completed, tx.State);

        SentMessage ack = Assert.Single(h.Sender.StartingWith("ACK"));
        Assert.Equal("ACK sip:bob@127.0.0.1 SIP/2.0", ack.StartLine);
        Assert.Equal(["SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinv1"], ack.Headers("Via"));
        Assert.Equal(["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"], ack.Headers("Route"));
        Assert.Equal("\"Alice\" <sip:alice@example.com>;tag=fromtag1", ack.Header("From"));
        Assert.Equal("<sip:bob@example.com>;tag=busy9", ack.Header("To"));
        Assert.Equal("call-1", ack.Header("Call-ID"));
        Assert.Equal("1 ACK", ack.Header("CSeq"));
        Assert.Equal("0", ack.Header("Content-Length"));
        Assert.Null(ack.Header("Contact"));

        h.AdvanceMs(1000);
        Assert.Equal(ResponseDisposition.Absorbed, h.ReceiveResponse(SipTexts.Response(486, Branch, toTag: "busy9")));
        Assert.Equal(2, h.Sender.StartingWith("ACK").Count);
        Assert.Equal([180, 486], user.Responses);

        h.AdvanceMs(31_000 - 1);
        Assert.Equal(TransactionState.Completed, tx.State);
        h.AdvanceMs(1); // Timer D = 32 s after the final response
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Empty(user.Failures);
        Assert.Equal(ResponseDisposition.Stray, h.ReceiveResponse(SipTexts.Response(486, Branch, toTag: "busy9")));
        Assert.Equal(1, h.Layer.Counters.StrayResponses);
    }

    [Fact]
    public void Non_2xx_final_in_calling_state_stops_retransmissions()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.AdvanceMs(700);
        h.ReceiveResponse(SipTexts.Response(503, Branch));
        h.AdvanceMs(10_000);
        Assert.Equal([0, 500], h.Sender.TimesOf("INVITE"));
        Assert.Single(h.Sender.StartingWith("ACK"));
    }

    [Fact]
    public void Reliable_non_2xx_final_acks_and_terminates_at_once()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Tcp, user);
        h.ReceiveResponse(SipTexts.Response(404, Branch), TransactionHarness.Tcp);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Single(h.Sender.StartingWith("ACK"));
        Assert.Equal([404], user.Responses);
        Assert.Equal(0, h.Layer.Counters.ActiveClientTransactions);
    }

    [Fact]
    public void Accepted_state_passes_2xx_retransmissions_and_forks_to_the_TU_until_timer_M()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.AdvanceMs(100);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, toTag: "a")));
        Assert.Equal(TransactionState.Accepted, tx.State);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, toTag: "a")));
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, toTag: "b")));
        Assert.Equal(ResponseDisposition.Absorbed, h.ReceiveResponse(SipTexts.Response(180, Branch, toTag: "c")));
        Assert.Equal([200, 200, 200], user.Responses);
        Assert.Equal(["a", "a", "b"], user.ResponseToTags);
        Assert.Empty(h.Sender.StartingWith("ACK")); // the TU ACKs 2xx

        h.AdvanceMs(32_000 - 1);
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.AdvanceMs(1);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(ResponseDisposition.Stray, h.ReceiveResponse(SipTexts.Response(200, Branch, toTag: "a")));
        Assert.Equal([0d], h.Sender.TimesOf("INVITE"));
    }

    [Fact]
    public void A_2xx_arriving_while_the_INVITE_is_being_sent_reaches_the_user_with_the_transactions_user_state()
    {
        // A UAS on the same host can answer before SendRequest has returned (37 µs on loopback). The TU cannot know the
        // transaction by SendRequest's result yet; it knows it by the user state, which is set before the INVITE goes out.
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        var state = new object();
        bool returned = false;
        h.Sender.OnSent = text =>
        {
            if (text.StartsWith("INVITE", StringComparison.Ordinal) && !returned)
            {
                Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, toTag: "fast")));
            }
        };

        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user, state);
        returned = true;
        Assert.Equal([200], user.Responses);
        Assert.Same(state, Assert.Single(user.ResponseUserStates));
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.AdvanceMs(4_000);
        Assert.Equal([0d], h.Sender.TimesOf("INVITE")); // answered: no retransmission will carry the 2xx again
    }

    [Fact]
    public void Transport_error_on_first_send_is_reported_from_the_wheel_not_from_SendRequest()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        h.Sender.Fail = true;
        user.InsideSend = true;
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        user.InsideSend = false;
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Empty(user.Failures);
        h.AdvanceMs(2);
        Assert.Equal(TransactionFailure.TransportError, Assert.Single(user.Failures).Failure);
        Assert.False(user.CalledInsideSend);
        Assert.Equal(1, h.Layer.Counters.TransportErrors);
        Assert.Equal(0, h.Layer.Counters.ActiveClientTransactions);
    }

    [Fact]
    public void Transport_error_on_retransmission_terminates_and_reports()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.Sender.Fail = true;
        h.AdvanceMs(500);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal([(TransactionFailure.TransportError, 500d)], user.Failures);
    }

    [Fact]
    public void Response_with_other_method_or_branch_is_stray()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        Assert.Equal(ResponseDisposition.Stray, h.ReceiveResponse(SipTexts.Response(200, Branch, method: "BYE")));
        Assert.Equal(ResponseDisposition.Stray, h.ReceiveResponse(SipTexts.Response(200, "z9hG4bKother")));
        Assert.Empty(user.Responses);
    }

    [Fact]
    public void Invalid_requests_are_refused()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(Bytes(SipTexts.Ack()), TransactionHarness.Udp, user));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(Bytes(SipTexts.Invite(branch: "1234")), TransactionHarness.Udp, user));
        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(Bytes(SipTexts.Response(200, Branch)), TransactionHarness.Udp, user));
        h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        Assert.Throws<InvalidOperationException>(() => h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user));
        Assert.Equal(1, h.Layer.Counters.ActiveClientTransactions);
    }

    internal static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
