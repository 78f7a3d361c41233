using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Dialogs;

public sealed class AnswerRetransmissionTests
{
    [Fact]
    public void Udp_2xx_is_retransmitted_T1_doubling_to_T2_until_64T1_then_reported()
    {
        using var h = new TransactionHarness();
        var user = new RecordingDialogUser();
        Dialog d = AnsweredDialog(h, TransactionHarness.Udp, user, out _);
        Assert.True(d.IsAwaitingAck);
        h.AdvanceMs(31_999);
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], h.Sender.TimesOf("SIP/2.0 200"));
        Assert.Empty(user.Failures);
        h.AdvanceMs(1);
        Assert.Equal([TransactionFailure.Timeout], user.Failures);
        Assert.False(d.IsAwaitingAck);
        Assert.Equal(DialogState.Confirmed, d.State); // the TU decides to send BYE
    }

    [Fact]
    public void Ack_with_the_invite_cseq_stops_retransmission()
    {
        using var h = new TransactionHarness();
        var user = new RecordingDialogUser();
        var table = new DialogTable();
        Dialog d = AnsweredDialog(h, TransactionHarness.Udp, user, out ServerTransaction tx);
        table.TryAdd(d);
        h.AdvanceMs(2000);

        // the INVITE retransmission is absorbed by the Accepted transaction without a response
        Assert.Equal(ServerRequestDisposition.Absorbed, h.Receive(SipTexts.Invite()).Disposition);

        // wrong CSeq: not our ACK
        using SipMessage wrong = TransactionHarness.Parse(SipTexts.Ack(branch: "z9hG4bKack9", cseq: 9, toTag: "uas-1"));
        Assert.False(d.OnAck(wrong));

        // the real ACK: new branch, handed to the TU, routed by dialog id
        string ackText = SipTexts.Ack(branch: "z9hG4bKack1", toTag: "uas-1");
        ServerRequestResult r = h.Receive(ackText);
        Assert.Equal(ServerRequestDisposition.Ack, r.Disposition);
        using SipMessage ack = TransactionHarness.Parse(ackText);
        Dialog? found = table.FindForIncomingRequest(ack);
        Assert.Same(d, found);
        Assert.True(found!.OnAck(ack));
        Assert.False(d.OnAck(ack));
        Assert.False(d.IsAwaitingAck);
        h.AdvanceMs(40_000);
        Assert.Equal([0, 500, 1500], h.Sender.TimesOf("SIP/2.0 200"));
        Assert.Empty(user.Failures);
        Assert.Equal(TransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Reliable_transport_does_not_retransmit_but_still_gives_up_after_64T1()
    {
        using var h = new TransactionHarness();
        var user = new RecordingDialogUser();
        AnsweredDialog(h, TransactionHarness.Tcp, user, out _);
        h.AdvanceMs(32_000);
        Assert.Single(h.Sender.StartingWith("SIP/2.0 200"));
        Assert.Equal([TransactionFailure.Timeout], user.Failures);
    }

    [Fact]
    public void Terminating_the_dialog_stops_retransmission()
    {
        using var h = new TransactionHarness();
        var user = new RecordingDialogUser();
        Dialog d = AnsweredDialog(h, TransactionHarness.Udp, user, out _);
        h.AdvanceMs(600);
        d.Terminate();
        h.AdvanceMs(40_000);
        Assert.Equal([0, 500], h.Sender.TimesOf("SIP/2.0 200"));
        Assert.Empty(user.Failures);
    }

    /// <summary>INVITE in, dialog made as UAS, 200 OK sent through the server transaction, retransmission started.</summary>
    private static Dialog AnsweredDialog(TransactionHarness h, SipPeer peer, IDialogUser user, out ServerTransaction tx)
    {
        tx = h.Receive(SipTexts.Invite(), peer).Transaction!;
        Dialog d = Dialog.CreateUas(tx.Request, "uas-1"u8);
        d.User = user;
        using var buffer = new PooledBufferWriter();
        SipMessageWriter w = SipResponseFactory.Begin(buffer, tx.Request, 200, "OK"u8, "uas-1"u8);
        w.WriteHeader(SipHeaderId.Contact, "<sip:pbx@127.0.0.1:5060>"u8);
        w.WriteEnd();
        Assert.True(tx.SendResponse(buffer.WrittenSpan));
        d.Confirm();
        d.StartAnswerRetransmission(h.Layer, buffer.WrittenSpan, peer);
        Assert.Equal("call-1;local=uas-1;remote=fromtag1", d.Id.ToString());
        Assert.Contains("CSeq: 1 INVITE", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
        return d;
    }

    private sealed class RecordingDialogUser : IDialogUser
    {
        public List<TransactionFailure> Failures { get; } = [];

        public void OnAckNotReceived(Dialog dialog, TransactionFailure failure) => Failures.Add(failure);
    }
}
