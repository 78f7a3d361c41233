using System.Buffers;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Validation;

/// <summary>
/// Stateless error responses for requests too broken to parse fully (RFC 3261 §8.2 / §16.3): scans the raw bytes
/// tolerantly for Via, From, To, Call-ID and CSeq. When the message is a response, an ACK, or lacks Via, Call-ID or
/// CSeq, nothing is written and the caller drops it.
/// </summary>
public static class SipResponseBuilder
{
    private const int MaxLines = 256;

    /// <summary>
    /// Writes <paramref name="statusCode"/> for the request in <paramref name="raw"/>. Returns false (nothing
    /// written) when the message must be dropped instead.
    /// </summary>
    public static bool TryWriteErrorResponse(ReadOnlySpan<byte> raw, int statusCode, ReadOnlySpan<byte> reason, IBufferWriter<byte> output,
        ReadOnlySpan<byte> remoteAddress = default, int remotePort = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        int pos = 0;
        while (pos < raw.Length && (raw[pos] == SipAscii.Cr || raw[pos] == SipAscii.Lf))
        {
            pos++;
        }

        if (pos >= raw.Length)
        {
            return false;
        }

        int lineEnd = SipMessageParser.FindLineEnd(raw, pos, out int next);
        if (lineEnd < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> startLine = raw[pos..lineEnd];
        if (startLine.Length < 4 || SipAscii.EqualsIgnoreCase(startLine[..4], "SIP/"u8) || startLine.StartsWith("ACK "u8))
        {
            return false; // responses and ACKs are never answered
        }

        Span<Range> vias = stackalloc Range[16];
        int viaCount = 0;
        Range from = default, to = default, callId = default, cseq = default;
        bool hasFrom = false, hasTo = false, hasCallId = false, hasCSeq = false;
        pos = next;
        for (int lines = 0; lines < MaxLines && pos < raw.Length; lines++)
        {
            lineEnd = SipMessageParser.FindLineEnd(raw, pos, out next);
            if (lineEnd < 0 || lineEnd == pos)
            {
                break;
            }

            // fold continuation lines into the value range
            while (next < raw.Length && SipAscii.IsWsp(raw[next]))
            {
                int e = SipMessageParser.FindLineEnd(raw, next, out int n2);
                if (e < 0)
                {
                    break;
                }

                lineEnd = e;
                next = n2;
            }

            int colon = raw[pos..lineEnd].IndexOf((byte)':');
            if (colon > 0)
            {
                SipHeaderId id = SipHeaderNames.Identify(SipAscii.TrimLws(raw.Slice(pos, colon)));
                (int vs, int vl) = SipAscii.TrimLwsRange(raw[(pos + colon + 1)..lineEnd]);
                Range value = new(pos + colon + 1 + vs, pos + colon + 1 + vs + vl);
                switch (id)
                {
                    case SipHeaderId.Via when viaCount < vias.Length && vl > 0:
                        vias[viaCount++] = value;
                        break;
                    case SipHeaderId.From when !hasFrom:
                        (from, hasFrom) = (value, true);
                        break;
                    case SipHeaderId.To when !hasTo:
                        (to, hasTo) = (value, true);
                        break;
                    case SipHeaderId.CallId when !hasCallId && vl > 0:
                        (callId, hasCallId) = (value, true);
                        break;
                    case SipHeaderId.CSeq when !hasCSeq && vl > 0:
                        (cseq, hasCSeq) = (value, true);
                        break;
                }
            }

            pos = next;
        }

        if (viaCount == 0 || !hasCallId || !hasCSeq)
        {
            return false;
        }

        SipMessageWriter w = new(output);
        w.WriteStatusLine(statusCode, reason);
        for (int i = 0; i < viaCount; i++)
        {
            w.WriteHeaderStart("Via"u8);
            ReadOnlySpan<byte> via = raw[vias[i]];
            if (i == 0 && !remoteAddress.IsEmpty)
            {
                WriteTopVia(w, via, remoteAddress, remotePort);
            }
            else
            {
                w.WriteRaw(via);
            }

            w.WriteHeaderEnd();
        }

        if (hasFrom)
        {
            w.WriteHeader(SipHeaderId.From, raw[from]);
        }

        if (hasTo)
        {
            w.WriteHeader(SipHeaderId.To, raw[to]);
        }

        w.WriteHeader(SipHeaderId.CallId, raw[callId]);
        w.WriteHeader(SipHeaderId.CSeq, raw[cseq]);
        w.WriteEnd();
        return true;
    }

    private static void WriteTopVia(SipMessageWriter w, ReadOnlySpan<byte> via, ReadOnlySpan<byte> remoteAddress, int remotePort)
    {
        // The top Via of a broken message may itself be broken (or a comma list); only rewrite a clean single value.
        byte[] copy = ArrayPool<byte>.Shared.Rent(via.Length);
        try
        {
            via.CopyTo(copy);
            ReadOnlyMemory<byte> mem = copy.AsMemory(0, via.Length);
            int comma = SipAscii.IndexOfUnquoted(via, (byte)',');
            if (comma < 0 && SipVia.TryParse(mem, out SipVia parsed))
            {
                SipViaWriter.WriteValue(w, parsed, remoteAddress, remotePort);
            }
            else
            {
                w.WriteRaw(via);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
