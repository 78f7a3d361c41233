using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Transactions;

namespace Switchboard.Sip.Tests.Dialogs;

public sealed class DialogCreationTests
{
    [Fact]
    public void Uas_dialog_takes_record_route_in_order_contact_as_target_and_the_remote_cseq()
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.IncomingInvite);
        Dialog d = Dialog.CreateUas(invite, "b-tag"u8, overTls: true);
        Assert.False(d.IsUac);
        Assert.Equal(DialogState.Early, d.State);
        Assert.Equal("dlg-call-1;local=b-tag;remote=a-tag", d.Id.ToString());
        Assert.Equal("<sips:bob@example.com>;tag=b-tag", S(d.LocalParty));
        Assert.Equal("\"Alice\" <sips:alice@example.com>;tag=a-tag", S(d.RemoteParty));
        Assert.Equal("sips:bob@example.com", S(d.LocalUri));
        Assert.Equal("sips:alice@example.com", S(d.RemoteUri));
        Assert.Equal("sips:alice@10.0.0.1:5061;transport=tls", S(d.RemoteTarget));
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>", "<sip:p0.example.com;lr>"], Routes(d));
        Assert.True(d.HasRemoteSequence);
        Assert.Equal(314u, d.RemoteSequence);
        Assert.False(d.HasLocalSequence);
        Assert.True(d.IsSecure);
        d.Confirm();
        Assert.Equal(DialogState.Confirmed, d.State);

        Dialog plain = Dialog.CreateUas(invite, "b2"u8, overTls: false, confirmed: true);
        Assert.False(plain.IsSecure);
        Assert.Equal(DialogState.Confirmed, plain.State);
    }

    [Fact]
    public void Uac_dialog_reverses_record_route_and_is_early_on_a_provisional()
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.OutgoingInvite);
        using SipMessage ringing = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(180, "bob-1"));
        Assert.True(Dialog.TryCreateUac(invite, ringing, out Dialog? d));
        Assert.True(d!.IsUac);
        Assert.Equal(DialogState.Early, d.State);
        Assert.Equal("dlg-call-2;local=our-tag;remote=bob-1", d.Id.ToString());
        Assert.Equal("<sip:pbx@192.0.2.10>;tag=our-tag", S(d.LocalParty));
        Assert.Equal("\"Bob\" <sip:bob@example.com>;tag=bob-1", S(d.RemoteParty));
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], Routes(d));
        Assert.Equal("sip:bob@198.51.100.7:5062", S(d.RemoteTarget));
        Assert.Equal(20u, d.LocalSequence);
        Assert.Equal(20u, d.InviteSequence);
        Assert.False(d.HasRemoteSequence);

        // the 2xx confirms it and its Record-Route (reversed) replaces the early route set
        using SipMessage ok = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(200, "bob-1", contact: "<sip:bob@198.51.100.7:5064>", recordRoute: "Record-Route: <sip:p9.example.com;lr>, <sip:p8.example.com;lr>\r\n"));
        d.ApplyResponse(ok);
        Assert.Equal(DialogState.Confirmed, d.State);
        Assert.Equal(["<sip:p8.example.com;lr>", "<sip:p9.example.com;lr>"], Routes(d));
        Assert.Equal("sip:bob@198.51.100.7:5064", S(d.RemoteTarget));
    }

    [Fact]
    public void Uac_dialog_needs_a_to_tag_and_a_101_to_299_response()
    {
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.OutgoingInvite);
        using SipMessage noTag = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(180, ""));
        using SipMessage trying = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(100, "x"));
        using SipMessage busy = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(486, "x"));
        Assert.False(Dialog.TryCreateUac(invite, noTag, out _));
        Assert.False(Dialog.TryCreateUac(invite, trying, out _));
        Assert.False(Dialog.TryCreateUac(invite, busy, out _));
    }

    [Fact]
    public void Forked_provisionals_make_several_early_dialogs_and_a_non_2xx_final_ends_them()
    {
        var table = new DialogTable();
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.OutgoingInvite);
        using SipMessage r1 = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(180, "fork-1"));
        using SipMessage r2 = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(183, "fork-2"));
        Assert.Null(table.FindForIncomingResponse(r1));
        Assert.True(Dialog.TryCreateUac(invite, r1, out Dialog? d1));
        Assert.True(table.TryAdd(d1!));
        Assert.Same(d1, table.FindForIncomingResponse(r1));
        Assert.Null(table.FindForIncomingResponse(r2));
        Assert.True(Dialog.TryCreateUac(invite, r2, out Dialog? d2));
        Assert.True(table.TryAdd(d2!));
        Assert.False(table.TryAdd(d2!));
        Assert.Equal(2, table.Count);
        Assert.Equal(2, table.FindByLocalTag("dlg-call-2"u8, "our-tag"u8).Count);

        using SipMessage ok = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(200, "fork-2"));
        table.FindForIncomingResponse(ok)!.ApplyResponse(ok);
        Assert.Equal(DialogState.Confirmed, d2!.State);
        using SipMessage busy = TransactionHarness.Parse(DialogTexts.ResponseToOutgoing(486, "fork-1"));
        d1!.ApplyResponse(busy);
        Assert.Equal(DialogState.Terminated, d1.State);
        Assert.True(table.Remove(d1));
        Assert.False(table.Remove(d1));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Incoming_request_lookup_uses_to_tag_as_local_and_from_tag_as_remote()
    {
        var table = new DialogTable();
        using SipMessage invite = TransactionHarness.Parse(DialogTexts.IncomingInvite);
        Dialog d = Dialog.CreateUas(invite, "b-tag"u8);
        table.TryAdd(d);
        using SipMessage bye = TransactionHarness.Parse(
            DialogTexts.IncomingInvite.Replace("INVITE sips", "BYE sips").Replace("314 INVITE", "315 BYE").Replace("To: <sips:bob@example.com>", "To: <sips:bob@example.com>;tag=b-tag"));
        Assert.Same(d, table.FindForIncomingRequest(bye));
        Assert.Null(table.FindForIncomingRequest(invite)); // no To tag: not in a dialog
    }

    [Fact]
    public void Dialog_id_copy_is_equal_and_independent()
    {
        byte[] call = Encoding.ASCII.GetBytes("c1");
        var id = new DialogId(call, "l"u8.ToArray(), "r"u8.ToArray());
        DialogId copy = id.Copy();
        Assert.Equal(id, copy);
        Assert.True(id == copy);
        call[0] = (byte)'x';
        Assert.NotEqual(id, copy);
        Assert.NotEqual(new DialogId("c1"u8.ToArray(), "r"u8.ToArray(), "l"u8.ToArray()), copy);
    }

    internal static string S(ReadOnlyMemory<byte> m) => Encoding.UTF8.GetString(m.Span);

    internal static List<string> Routes(Dialog d) => Enumerable.Range(0, d.RouteCount).Select(i => S(d.GetRoute(i))).ToList();
}
