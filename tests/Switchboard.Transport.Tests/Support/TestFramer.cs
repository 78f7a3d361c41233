using System.Buffers;
using System.Text;
using Switchboard.Common.Framing;

namespace Switchboard.Transport.Tests.Support;

/// <summary>
/// A minimal SIP-like framer for transport tests: headers end at CRLFCRLF, body length from "Content-Length:",
/// leading CRLFCRLF / CRLF are keep-alives, a header block without Content-Length is invalid.
/// </summary>
internal sealed class TestFramer : IMessageFramer
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public FrameResult Frame(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.IsNext("\r\n\r\n"u8))
        {
            return new FrameResult(FrameStatus.KeepAlive, 4);
        }

        if (reader.IsNext("\r\n"u8))
        {
            return new FrameResult(FrameStatus.KeepAlive, 2);
        }

        if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, HeaderEnd, advancePastDelimiter: true))
        {
            return FrameResult.NeedMore;
        }

        var text = Encoding.ASCII.GetString(headers);
        int? length = null;
        foreach (var line in text.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line.AsSpan("Content-Length:".Length).Trim(), out int value) || value < 0)
                {
                    return new FrameResult(FrameStatus.Invalid, 0, "bad Content-Length");
                }

                length = value;
            }
        }

        if (length is null)
        {
            return new FrameResult(FrameStatus.Invalid, 0, "missing Content-Length");
        }

        long total = reader.Consumed + length.Value;
        return buffer.Length >= total ? new FrameResult(FrameStatus.Message, total) : FrameResult.NeedMore;
    }

    public static byte[] Message(string firstLine, string body = "", string extraHeaders = "")
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        return Encoding.UTF8.GetBytes($"{firstLine}\r\n{extraHeaders}Content-Length: {bodyBytes.Length}\r\n\r\n{body}");
    }
}
