using System.Buffers;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Dialogs;

/// <summary>Writes the start of an in-dialog request with the Request-URI and Route set of RFC 3261 §12.2.1.1.</summary>
internal static class DialogRequestWriter
{
    public static SipMessageWriter Write(IBufferWriter<byte> output, Dialog dialog, ReadOnlySpan<byte> method, uint cseq, ReadOnlySpan<byte> viaTransport, ReadOnlySpan<byte> viaSentBy)
    {
        var w = new SipMessageWriter(output);
        IReadOnlyList<byte[]> routes = dialog.RouteSet;
        bool strict = routes.Count > 0 && !IsLoose(routes[0], out _);
        if (strict)
        {
            // strict router: its URI becomes the Request-URI (URI headers stripped), the remote target goes last
            IsLoose(routes[0], out ReadOnlyMemory<byte> first);
            ReadOnlySpan<byte> uri = first.Span;
            int q = uri.IndexOf((byte)'?');
            w.WriteRequestLine(method, q < 0 ? uri : uri[..q]);
        }
        else
        {
            w.WriteRequestLine(method, dialog.RemoteTarget.Span);
        }

        w.WriteHeaderStart("Via"u8);
        w.WriteRaw("SIP/2.0/"u8);
        w.WriteRaw(viaTransport);
        w.WriteByte((byte)' ');
        w.WriteRaw(viaSentBy);
        w.WriteRaw(";rport;branch="u8);
        Span<byte> branch = stackalloc byte[SipBranch.Length];
        SipBranch.Write(branch);
        w.WriteRaw(branch);
        w.WriteHeaderEnd();
        w.WriteHeader(SipHeaderId.MaxForwards, 70);
        for (int i = strict ? 1 : 0; i < routes.Count; i++)
        {
            w.WriteHeader(SipHeaderId.Route, routes[i]);
        }

        if (strict)
        {
            w.WriteHeaderStart("Route"u8);
            w.WriteByte((byte)'<');
            w.WriteRaw(dialog.RemoteTarget.Span);
            w.WriteByte((byte)'>');
            w.WriteHeaderEnd();
        }

        w.WriteHeader(SipHeaderId.From, dialog.LocalParty.Span);
        w.WriteHeader(SipHeaderId.To, dialog.RemoteParty.Span);
        w.WriteHeader(SipHeaderId.CallId, dialog.Id.CallId.Span);
        w.WriteHeaderStart("CSeq"u8);
        w.WriteNumber(cseq);
        w.WriteByte((byte)' ');
        w.WriteRaw(method);
        w.WriteHeaderEnd();
        return w;
    }

    private static bool IsLoose(byte[] route, out ReadOnlyMemory<byte> uri)
    {
        uri = route;
        if (!SipNameAddr.TryParse(route, out SipNameAddr na))
        {
            return true; // unparsable: treat as loose so the Request-URI stays the remote target
        }

        uri = na.Uri;
        return !SipUri.TryParse(na.Uri, out SipUri u) || u.IsLooseRouter;
    }
}
