using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using static Switchboard.Sip.Tests.Dialogs.DialogCreationTests;

namespace Switchboard.Sip.Tests.Dialogs;

public sealed class DialogRequestTests
{
    [Fact]
    public void Loose_routing_keeps_the_remote_target_as_request_uri_and_sends_the_route_set()
    {
        Dialog d = ConfirmedUac("Record-Route: <sip:p1.example.com;lr>\r\nRecord-Route: <sip:p2.example.com;lr>\r\n");
        SentMessage bye = Build(d, SipMethod.Bye);
        Assert.Equal("BYE sip:bob@198.51.100.7:5062 SIP/2.0", bye.StartLine);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], bye.Headers("Route"));
        Assert.Equal("<sip:pbx@192.0.2.10>;tag=our-tag", bye.Header("From"));
        Assert.Equal("\"Bob\" <sip:bob@example.com>;tag=bob-1", bye.Header("To"));
        Assert.Equal("dlg-call-2", bye.Header("Call-ID"));
        Assert.Equal("21 BYE", bye.Header("CSeq"));
        Assert.Equal("70", bye.Header("Max-Forwards"));
        string via = bye.Header("Via")!;
        Assert.StartsWith("SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK", via, StringComparison.Ordinal);
        Assert.Equal("sip:p2.example.com;lr", S(d.NextHopUri));
    }

    [Fact]
    public void Strict_routing_puts_the_first_route_in_the_request_uri_and_the_target_last()
    {
        Dialog d = ConfirmedUac("Record-Route: <sip:p1.example.com;lr>\r\nRecord-Route: <sip:strict.example.com;maddr=10.0.0.9?X-H=1>\r\n");
        SentMessage info = Build(d, SipMethod.Info);
        Assert.Equal("INFO sip:strict.example.com;maddr=10.0.0.9 SIP/2.0", info.StartLine);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:bob@198.51.100.7:5062>"], info.Headers("Route"));
        Assert.Equal("sip:strict.example.com;maddr=10.0.0.9?X-H=1", S(d.NextHopUri));
    }

    [Fact]
    public void No_route_set_means_no_route_header_and_next_hop_is_the_target()
    {
        Dialog d = ConfirmedUac("");
        SentMessage msg = Build(d, SipMethod.Message);
        Assert.Empty(msg.Headers("Route"));
        Assert.Equal("sip:bob@198.51.100.7:5062", S(d.NextHopUri));
    }

    [Fact]
    public void Cseq_increments_reinvite_sets_the_ack_number_and_ack_reuses_it()
    {
        Dialog d = ConfirmedUac("");
        Assert.Equal("20 ACK", Build(d, SipMethod.Ack).Header("CSeq"));
        Assert.Equal("21 INFO", Build(d, SipMethod.Info).Header("CSeq"));
        Assert.Equal("22 INVITE", Build(d, SipMethod.Invite).Header("CSeq"));
        Assert.Equal(22u, d.InviteSequence);
        Assert.Equal("23 NOTIFY", Build(d, SipMethod.Notify).Header("CSeq"));
        Assert.Equal("22 ACK", Build(d, SipMethod.Ack).Header("CSeq"));
        Assert.Equal("24 FOO", Build(d, "FOO"u8.ToArray()).Header("CSeq"));
        Assert.Throws<InvalidOperationException>(() => Build(d, SipMethod.Cancel));
    }

    [Fact]
    public void Uas_dialog_starts_its_own_cseq_and_addresses_the_caller()
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.IncomingInvite);
        Dialog d = Dialog.CreateUas(invite, "b-tag"u8, confirmed: true);
        SentMessage bye = Build(d, SipMethod.Bye);
        Assert.Equal("BYE sips:alice@10.0.0.1:5061;transport=tls SIP/2.0", bye.StartLine);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>", "<sip:p0.example.com;lr>"], bye.Headers("Route"));
        Assert.Equal("<sips:bob@example.com>;tag=b-tag", bye.Header("From"));
        Assert.Equal("\"Alice\" <sips:alice@example.com>;tag=a-tag", bye.Header("To"));
        string[] cseq = bye.Header("CSeq")!.Split(' ');
        uint n = uint.Parse(cseq[0]);
        Assert.InRange(n, 1u, (1u << 31) - 1);
        Assert.Equal("BYE", cseq[1]);
        Assert.Throws<InvalidOperationException>(() => Build(d, SipMethod.Ack)); // no INVITE sent by us
    }

    [Fact]
    public void Built_request_goes_through_a_client_transaction()
    {
        using var h = new TransactionHarness();
        Dialog d = ConfirmedUac("");
        using var buffer = new PooledBufferWriter();
        d.WriteRequest(buffer, SipMethod.Bye, "UDP"u8, "192.0.2.10:5060"u8).WriteEnd();
        var user = new RecordingClientUser(h.Time);
        ClientTransaction tx = h.Layer.SendRequest(buffer.WrittenSpan, TransactionHarness.Udp, user);
        Assert.Equal(SipMethod.Bye, tx.Method);
        Assert.Equal(21u, tx.CSeq);
        Assert.Single(h.Sender.StartingWith("BYE"));
    }

    [Fact]
    public void Incoming_requests_with_a_lower_cseq_are_refused_and_target_refreshes_move_the_target()
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.IncomingInvite);
        Dialog d = Dialog.CreateUas(invite, "b-tag"u8, confirmed: true);
        string inDialog = DialogTexts.IncomingInvite.Replace("To: <sips:bob@example.com>", "To: <sips:bob@example.com>;tag=b-tag");
        using SipMessage old = TransactionHarness.Parse(inDialog.Replace("INVITE sips", "INFO sips").Replace("314 INVITE", "313 INFO"));
        Assert.False(d.TryAcceptRequest(old));
        using SipMessage ack = TransactionHarness.Parse(inDialog.Replace("INVITE sips", "ACK sips").Replace("314 INVITE", "314 ACK"));
        Assert.True(d.TryAcceptRequest(ack));
        using SipMessage reinvite = TransactionHarness.Parse(inDialog.Replace("314 INVITE", "316 INVITE").Replace("10.0.0.1:5061;transport=tls", "10.0.0.2:5061"));
        Assert.True(d.TryAcceptRequest(reinvite));
        Assert.Equal(316u, d.RemoteSequence);
        Assert.Equal("sips:alice@10.0.0.2:5061", S(d.RemoteTarget));
        using SipMessage info = TransactionHarness.Parse(inDialog.Replace("INVITE sips", "INFO sips").Replace("314 INVITE", "317 INFO").Replace("10.0.0.1:5061;transport=tls", "10.0.0.3"));
        Assert.True(d.TryAcceptRequest(info));
        Assert.Equal("sips:alice@10.0.0.2:5061", S(d.RemoteTarget)); // INFO is no target refresh
    }

    internal static Dialog ConfirmedUac(string recordRoute)
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.OutgoingInvite);
        using SipMessage ok = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(200, "bob-1", recordRoute: recordRoute));
        Assert.True(Dialog.TryCreateUac(invite, ok, out Dialog? d));
        return d!;
    }

    private static SentMessage Build(Dialog d, SipMethod method)
    {
        using var buffer = new PooledBufferWriter();
        d.WriteRequest(buffer, method, "UDP"u8, "192.0.2.10:5060"u8).WriteEnd();
        using SipMessage parsed = TransactionHarness.Parse(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        return new SentMessage(TimeSpan.Zero, TransactionHarness.Udp, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static SentMessage Build(Dialog d, byte[] method)
    {
        using var buffer = new PooledBufferWriter();
        d.WriteRequest(buffer, method, "UDP"u8, "192.0.2.10:5060"u8).WriteEnd();
        return new SentMessage(TimeSpan.Zero, TransactionHarness.Udp, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
