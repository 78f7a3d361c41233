using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>Builds the requests a client transaction derives from its INVITE: the ACK for a non-2xx final and CANCEL.</summary>
internal static class TransactionRequestWriter
{
    /// <summary>
    /// RFC 3261 §17.1.1.3: same Request-URI, top Via, From, Call-ID and CSeq number as the INVITE, the To of the
    /// response (with its tag), the INVITE's Route headers, method ACK.
    /// </summary>
    public static void WriteAck(SipMessageWriter w, SipMessage invite, SipMessage response)
    {
        w.WriteRequestLine(SipMethod.Ack, invite.RequestUri.Span);
        WriteTopVia(w, invite);
        WriteAll(w, invite, SipHeaderId.Route);
        WriteFirst(w, invite, SipHeaderId.From);
        WriteFirst(w, response, SipHeaderId.To);
        WriteFirst(w, invite, SipHeaderId.CallId);
        WriteCSeq(w, invite, "ACK"u8);
        w.WriteHeader(SipHeaderId.MaxForwards, 70);
        w.WriteEnd();
    }

    /// <summary>
    /// RFC 3261 §9.1: same Request-URI, Call-ID, To, From, CSeq number and top Via as the INVITE, its Route headers,
    /// method CANCEL, and an optional Reason header value (RFC 3326), e.g. <c>SIP;cause=200;text="Call completed elsewhere"</c>.
    /// </summary>
    public static void WriteCancel(SipMessageWriter w, SipMessage invite, ReadOnlySpan<byte> reason)
    {
        w.WriteRequestLine(SipMethod.Cancel, invite.RequestUri.Span);
        WriteTopVia(w, invite);
        WriteAll(w, invite, SipHeaderId.Route);
        WriteFirst(w, invite, SipHeaderId.From);
        WriteFirst(w, invite, SipHeaderId.To);
        WriteFirst(w, invite, SipHeaderId.CallId);
        WriteCSeq(w, invite, "CANCEL"u8);
        w.WriteHeader(SipHeaderId.MaxForwards, 70);
        if (!reason.IsEmpty)
        {
            w.WriteHeader(SipHeaderId.Reason, reason);
        }

        w.WriteEnd();
    }

    private static void WriteTopVia(SipMessageWriter w, SipMessage invite)
    {
        SipHeaderValues vias = invite.GetValues(SipHeaderId.Via);
        if (vias.MoveNext())
        {
            w.WriteHeader(SipHeaderId.Via, vias.Current.Span);
        }
    }

    private static void WriteCSeq(SipMessageWriter w, SipMessage invite, ReadOnlySpan<byte> method)
    {
        invite.TryGetCSeq(out var cseq);
        w.WriteHeaderStart("CSeq"u8);
        w.WriteNumber(cseq.Number);
        w.WriteByte((byte)' ');
        w.WriteRaw(method);
        w.WriteHeaderEnd();
    }

    private static void WriteFirst(SipMessageWriter w, SipMessage m, SipHeaderId id)
    {
        if (m.TryGetHeader(id, out ReadOnlyMemory<byte> v))
        {
            w.WriteHeader(id, v.Span);
        }
    }

    private static void WriteAll(SipMessageWriter w, SipMessage m, SipHeaderId id)
    {
        for (int i = m.IndexOf(id); i >= 0; i = m.IndexOf(id, i + 1))
        {
            w.WriteHeader(id, m.GetHeader(i).Value.Span);
        }
    }
}
