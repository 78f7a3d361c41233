using System.Buffers;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Messages;

/// <summary>
/// Starts a response to a parsed request (RFC 3261 §8.2.6): status line, all Via values in order (the top one with
/// received/rport from <see cref="SipMessage.SetRemote(System.Net.IPAddress, int)"/>), From, To (with a To-tag
/// added when given and absent), Call-ID and CSeq. Add further headers, then call
/// <see cref="SipMessageWriter.WriteBody"/> or <see cref="SipMessageWriter.WriteEnd"/>.
/// </summary>
public static class SipResponseFactory
{
    /// <summary>Writes the mandatory part of a response and returns the writer to continue with.</summary>
    public static SipMessageWriter Begin(IBufferWriter<byte> output, SipMessage request, int statusCode, ReadOnlySpan<byte> reason, ReadOnlySpan<byte> toTag = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipMessageWriter w = new(output);
        w.WriteStatusLine(statusCode, reason);
        bool first = true;
        foreach (ReadOnlyMemory<byte> value in request.GetValues(SipHeaderId.Via))
        {
            w.WriteHeaderStart("Via"u8);
            if (first && SipVia.TryParse(value, out SipVia via))
            {
                SipViaWriter.WriteValue(w, via, request.RemoteAddress, request.RemotePort);
            }
            else
            {
                w.WriteRaw(value.Span);
            }

            w.WriteHeaderEnd();
            first = false;
        }

        CopyFirst(w, request, SipHeaderId.From);
        if (request.TryGetHeader(SipHeaderId.To, out ReadOnlyMemory<byte> to))
        {
            w.WriteHeaderStart("To"u8);
            w.WriteRaw(to.Span);
            if (!toTag.IsEmpty && statusCode > 100 && (!SipNameAddr.TryParse(to, out SipNameAddr parsed) || parsed.Tag.IsEmpty))
            {
                w.WriteRaw(";tag="u8);
                w.WriteRaw(toTag);
            }

            w.WriteHeaderEnd();
        }

        CopyFirst(w, request, SipHeaderId.CallId);
        CopyFirst(w, request, SipHeaderId.CSeq);
        return w;
    }

    /// <summary>Copies every line of <paramref name="id"/> from the request (e.g. Record-Route for a 2xx to INVITE).</summary>
    public static void CopyAll(SipMessageWriter writer, SipMessage request, SipHeaderId id)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (int i = request.IndexOf(id); i >= 0; i = request.IndexOf(id, i + 1))
        {
            writer.WriteHeader(id, request.GetHeaderValue(i).Span);
        }
    }

    private static void CopyFirst(SipMessageWriter w, SipMessage request, SipHeaderId id)
    {
        if (request.TryGetHeader(id, out ReadOnlyMemory<byte> v))
        {
            w.WriteHeader(id, v.Span);
        }
    }
}
