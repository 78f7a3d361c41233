using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.2.3 fallback matching for requests whose branch lacks the magic cookie.</summary>
public sealed class Rfc2543MatchingTests
{
    private static string OldInvite(int cseq = 1, string via = "SIP/2.0/UDP 127.0.0.1:5070", string toTag = "")
        => SipTexts.Invite(cseq: cseq).Replace("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinv1", "Via: " + via)
            .Replace("To: <sip:bob@example.com>\r\n", toTag.Length > 0 ? $"To: <sip:bob@example.com>;tag={toTag}\r\n" : "To: <sip:bob@example.com>\r\n");

    private static string OldRequest(string method, string toTag = "", string via = "SIP/2.0/UDP 127.0.0.1:5070")
        => SipTexts.Request(method, callId: "call-1", toTag: toTag, cseqMethod: method)
            .Replace("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKreq1", "Via: " + via)
            .Replace("From: <sip:alice@example.com>;tag=fromtag1", "From: \"Alice\" <sip:alice@example.com>;tag=fromtag1");

    [Fact]
    public void Retransmission_is_matched_by_uri_tags_call_id_cseq_and_top_via()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(OldInvite()).Transaction!;
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(OldInvite()).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(OldInvite(cseq: 2)).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(OldInvite(via: "SIP/2.0/UDP 127.0.0.1:5071")).Disposition);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(OldInvite(via: "SIP/2.0/UDP 127.0.0.1:5070;branch=1234")).Disposition);
        Assert.Equal(TransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void Ack_with_the_response_to_tag_matches_the_invite()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(OldInvite()).Transaction!;
        tx.SendResponse(480, "Temporarily Unavailable"u8, "srv1"u8);
        Assert.Equal(ServerRequestDisposition.Ack, h.Receive(OldRequest("ACK", toTag: "other")).Disposition);
        Assert.Equal(TransactionState.Completed, tx.State);
        ServerRequestResult ack = h.Receive(OldRequest("ACK", toTag: "srv1"));
        Assert.Equal(ServerRequestDisposition.Absorbed, ack.Disposition);
        Assert.Same(tx, ack.Transaction);
        Assert.Equal(TransactionState.Confirmed, tx.State);
    }

    [Fact]
    public void Ack_for_a_2xx_matches_in_accepted_and_goes_to_the_TU()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(OldInvite()).Transaction!;
        tx.SendResponse(200, "OK"u8, "srv2"u8);
        ServerRequestResult ack = h.Receive(OldRequest("ACK", toTag: "srv2"));
        Assert.Equal(ServerRequestDisposition.Ack, ack.Disposition);
        Assert.Same(tx, ack.Transaction);
    }

    [Fact]
    public void Cancel_finds_an_rfc2543_invite()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(OldInvite()).Transaction!;
        using var cancel = TransactionHarness.Parse(OldRequest("CANCEL"));
        Assert.Same(tx, h.Layer.FindInviteForCancel(cancel));
        using var otherVia = TransactionHarness.Parse(OldRequest("CANCEL", via: "SIP/2.0/UDP 127.0.0.1:9999"));
        Assert.Null(h.Layer.FindInviteForCancel(otherVia));
        Assert.Equal(ServerRequestDisposition.New, h.Receive(OldRequest("CANCEL")).Disposition);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(OldRequest("CANCEL")).Disposition);
    }

    [Fact]
    public void Rfc2543_transaction_keeps_its_request_and_is_removed_at_the_end()
    {
        using var h = new TransactionHarness();
        ServerTransaction tx = h.Receive(OldRequest("OPTIONS")).Transaction!;
        tx.SendResponse(200, "OK"u8, "o"u8);
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(OldRequest("OPTIONS")).Disposition);
        Assert.Equal(2, h.Sender.StartingWith("SIP/2.0 200").Count);
        h.AdvanceMs(32_000);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(0, h.Layer.Counters.ActiveServerTransactions);
        Assert.Equal(ServerRequestDisposition.New, h.Receive(OldRequest("OPTIONS")).Disposition);
    }
}
