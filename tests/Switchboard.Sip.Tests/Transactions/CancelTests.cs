using Switchboard.Sip.Transactions;
using static Switchboard.Sip.Tests.Transactions.InviteClientTransactionTests;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class CancelTests
{
    private const string Branch = "z9hG4bKinv1";

    [Fact]
    public void Cancel_before_a_provisional_is_deferred_until_one_arrives()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        Assert.True(tx.Cancel("SIP;cause=200;text=\"Call completed elsewhere\""u8));
        h.AdvanceMs(1000);
        Assert.Empty(h.Sender.StartingWith("CANCEL"));

        h.ReceiveResponse(SipTexts.Response(180, Branch));
        SentMessage cancel = Assert.Single(h.Sender.StartingWith("CANCEL"));
        Assert.Equal("CANCEL sip:bob@127.0.0.1 SIP/2.0", cancel.StartLine);
        Assert.Equal(["SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinv1"], cancel.Headers("Via"));
        Assert.Equal(["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"], cancel.Headers("Route"));
        Assert.Equal("\"Alice\" <sip:alice@example.com>;tag=fromtag1", cancel.Header("From"));
        Assert.Equal("<sip:bob@example.com>", cancel.Header("To"));
        Assert.Equal("call-1", cancel.Header("Call-ID"));
        Assert.Equal("1 CANCEL", cancel.Header("CSeq"));
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", cancel.Header("Reason"));
        Assert.Equal(1000d, cancel.At.TotalMilliseconds);

        // the CANCEL is its own non-INVITE transaction: retransmitted on UDP until answered
        h.AdvanceMs(500);
        Assert.Equal(2, h.Sender.StartingWith("CANCEL").Count);
        Assert.Equal(ResponseDisposition.Delivered, h.ReceiveResponse(SipTexts.Response(200, Branch, method: "CANCEL")));
        h.AdvanceMs(5000);
        Assert.Equal(2, h.Sender.StartingWith("CANCEL").Count);

        h.ReceiveResponse(SipTexts.Response(487, Branch));
        Assert.Single(h.Sender.StartingWith("ACK"));
        Assert.Equal([180, 487], user.Responses); // the CANCEL's own 200 is not the INVITE user's business
    }

    [Fact]
    public void Cancel_in_proceeding_is_sent_at_once()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Tcp, user);
        h.ReceiveResponse(SipTexts.Response(100, Branch, toTag: ""), TransactionHarness.Tcp);
        Assert.True(tx.Cancel());
        SentMessage cancel = Assert.Single(h.Sender.StartingWith("CANCEL"));
        Assert.Null(cancel.Header("Reason"));
        Assert.True(tx.Cancel()); // idempotent
        Assert.Single(h.Sender.StartingWith("CANCEL"));
    }

    [Fact]
    public void Cancel_after_a_final_response_does_nothing()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.ReceiveResponse(SipTexts.Response(200, Branch));
        Assert.False(tx.Cancel());
        Assert.Empty(h.Sender.StartingWith("CANCEL"));
    }

    [Fact]
    public void Deferred_cancel_is_dropped_when_a_final_response_comes_first()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        Assert.True(tx.Cancel());
        h.ReceiveResponse(SipTexts.Response(603, Branch));
        h.ReceiveResponse(SipTexts.Response(180, Branch));
        h.AdvanceMs(40_000);
        Assert.Empty(h.Sender.StartingWith("CANCEL"));
    }

    [Fact]
    public void Invite_without_a_final_response_64T1_after_the_cancel_times_out()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Invite()), TransactionHarness.Udp, user);
        h.ReceiveResponse(SipTexts.Response(180, Branch));
        h.AdvanceMs(10_000);
        tx.Cancel();
        h.ReceiveResponse(SipTexts.Response(200, Branch, method: "CANCEL"));
        h.AdvanceMs(32_000);
        Assert.Equal([(TransactionFailure.Timeout, 42_000d)], user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Non_invite_transactions_cannot_be_cancelled()
    {
        using var h = new TransactionHarness();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(Bytes(SipTexts.Request("OPTIONS")), TransactionHarness.Udp, user);
        Assert.False(tx.Cancel());
    }
}
