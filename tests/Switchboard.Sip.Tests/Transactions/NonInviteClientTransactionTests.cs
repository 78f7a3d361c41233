using Switchboard.Sip.Transactions;
using static Switchboard.Sip.Tests.Transactions.InviteClientTransactionTests;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class NonInviteClientTransactionTests
{
    private const string Branch = "z9hG4bKreq1";

    [Fact]
    public void Udp_retransmits_on_timer_E_capped_at_T2_and_times_out_on_timer_F()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("OPTIONS")), TransactionHarness.Udp, user);
        Assert.Equal(TransactionState.Trying, tx.State);
        h.AdvanceMs(32_000);
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], h.Sender.TimesOf("OPTIONS"));
        Assert.Equal([(TransactionFailure.Timeout, 32_000d)], user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Proceeding_retransmits_every_T2()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("MESSAGE")), TransactionHarness.Udp, user);
        h.AdvanceMs(200);
        h.ReceiveResponse(SipTexts.Response(100, Branch, method: "MESSAGE", callId: "call-2", toTag: ""));
        Assert.Equal(TransactionState.Proceeding, tx.State);
        h.AdvanceMs(12_000);
        Assert.Equal([0, 500, 4500, 8500], h.Sender.TimesOf("MESSAGE"));
        h.ReceiveResponse(SipTexts.Response(202, Branch, method: "MESSAGE", callId: "call-2"));
        Assert.Equal([100, 202], user.Responses);
        h.AdvanceMs(60_000);
        Assert.Equal(4, h.Sender.TimesOf("MESSAGE").Count);
        Assert.Empty(user.Failures);
    }

    [Fact]
    public void Final_response_completes_absorbs_retransmissions_and_ends_after_timer_K()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("REGISTER")), TransactionHarness.Udp, user);
        h.AdvanceMs(100);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(401, Branch, method: "REGISTER", callId: "call-2")));
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Equal(ResponseDisposition.Absorbed, h.ReceiveResponse(SipTexts.Response(401, Branch, method: "REGISTER", callId: "call-2")));
        Assert.Equal([401], user.Responses);
        Assert.Empty(h.Sender.StartingWith("ACK"));
        h.AdvanceMs(4_999);
        Assert.Equal(TransactionState.Completed, tx.State);
        h.AdvanceMs(1);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal([0d], h.Sender.TimesOf("REGISTER"));
        Assert.Equal(0, h.Layer.Counters.ActiveClientTransactions);
        Assert.Equal(1, h.Layer.Counters.RetransmissionsReceived);
    }

    [Fact]
    public void Reliable_final_terminates_at_once_and_request_stays_readable_in_the_callback()
    {
        using var h = new TransactionHarness();
        var user = new RequestReadingUser();
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("BYE")), TransactionHarness.Tcp, user);
        h.ReceiveResponse(SipTexts.Response(200, Branch, method: "BYE", callId: "call-2"), TransactionHarness.Tcp);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal("call-2", user.CallIdSeen);
        Assert.Throws<InvalidOperationException>(() => tx.Request);
        h.AdvanceMs(40_000);
        Assert.Single(h.Sender.Sent);
    }

    private sealed class RequestReadingUser : IClientTransactionUser
    {
        public string? CallIdSeen { get; private set; }

        public void OnResponse(ClientTransaction transaction, Switchboard.Sip.Messages.SipMessage response)
            => CallIdSeen = System.Text.Encoding.ASCII.GetString(transaction.Request.CallId.Span);

        public void OnFailure(ClientTransaction transaction, TransactionFailure failure)
        {
        }
    }
}
