using System.Buffers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Framing;

/// <summary>
/// Splits a TCP/TLS byte stream into SIP messages (RFC 3261 §18.3: Content-Length is mandatory on streams) and
/// recognises RFC 5626 §3.5.1 CRLF keep-alives. Allocation-free for single-segment buffers.
/// </summary>
public static class SipStreamFramer
{
    /// <summary>Largest header section accepted (bytes up to and including CRLFCRLF).</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Largest whole message accepted.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    /// <summary>The answer to a ping.</summary>
    public static ReadOnlySpan<byte> Pong => "\r\n"u8;

    /// <summary>Frames the start of <paramref name="buffer"/>; returns true when <paramref name="frame"/> is not Incomplete.</summary>
    public static bool TryFrame(in ReadOnlySequence<byte> buffer, out SipFrame frame)
    {
        SequenceReader<byte> reader = new(buffer);
        if (reader.IsNext((byte)'\r'))
        {
            if (reader.IsNext("\r\n\r\n"u8))
            {
                frame = new SipFrame(SipFrameKind.Ping, 4, SipParseErrorCode.None);
                return true;
            }

            if (buffer.Length >= 3 && reader.IsNext("\r\n"u8) && !NextIs(buffer, 2, (byte)'\r'))
            {
                frame = new SipFrame(SipFrameKind.Pong, 2, SipParseErrorCode.None);
                return true;
            }

            if (buffer.Length < 4)
            {
                frame = default; // "\r", "\r\n" or "\r\n\r": could still become a ping
                return false;
            }
        }

        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            if (buffer.Length > MaxHeaderBytes)
            {
                frame = new SipFrame(SipFrameKind.Error, 0, SipParseErrorCode.MessageTooLarge);
                return true;
            }

            frame = default;
            return false;
        }

        long headerBytes = reader.Consumed;
        if (headerBytes > MaxHeaderBytes)
        {
            frame = new SipFrame(SipFrameKind.Error, 0, SipParseErrorCode.MessageTooLarge);
            return true;
        }

        SipParseErrorCode error;
        int contentLength;
        if (head.IsSingleSegment)
        {
            error = FindContentLength(head.FirstSpan, out contentLength);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)head.Length);
            head.CopyTo(rented);
            error = FindContentLength(rented.AsSpan(0, (int)head.Length), out contentLength);
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (error != SipParseErrorCode.None)
        {
            frame = new SipFrame(SipFrameKind.Error, 0, error);
            return true;
        }

        long total = headerBytes + contentLength;
        if (total > MaxMessageBytes)
        {
            frame = new SipFrame(SipFrameKind.Error, 0, SipParseErrorCode.MessageTooLarge);
            return true;
        }

        if (buffer.Length < total)
        {
            frame = default;
            return false;
        }

        frame = new SipFrame(SipFrameKind.Message, (int)total, SipParseErrorCode.None);
        return true;
    }

    private static bool NextIs(in ReadOnlySequence<byte> buffer, int offset, byte value)
    {
        SequenceReader<byte> r = new(buffer);
        r.Advance(offset);
        return r.TryPeek(out byte b) && b == value;
    }

    /// <summary>Finds exactly one valid Content-Length (long or compact form) in a header block.</summary>
    internal static SipParseErrorCode FindContentLength(ReadOnlySpan<byte> head, out int contentLength)
    {
        contentLength = -1;
        int pos = 0;
        while (pos < head.Length)
        {
            int lf = head[pos..].IndexOf(SipAscii.Lf);
            int end = lf < 0 ? head.Length : pos + lf;
            ReadOnlySpan<byte> line = head[pos..end];
            pos = end + 1;
            if (line.IsEmpty || SipAscii.IsWsp(line[0]))
            {
                continue;
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || SipHeaderNames.Identify(SipAscii.TrimLws(line[..colon])) != SipHeaderId.ContentLength)
            {
                continue;
            }

            if (contentLength >= 0)
            {
                return SipParseErrorCode.MultipleContentLength;
            }

            if (!SipAscii.TryParseBounded(SipAscii.TrimLws(line[(colon + 1)..]), MaxMessageBytes, out uint n))
            {
                return SipParseErrorCode.BadContentLength;
            }

            contentLength = (int)n;
        }

        return contentLength < 0 ? SipParseErrorCode.MissingContentLength : SipParseErrorCode.None;
    }
}
