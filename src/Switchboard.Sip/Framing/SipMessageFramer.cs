using System.Buffers;
using Switchboard.Common.Framing;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Framing;

/// <summary>
/// <see cref="IMessageFramer"/> for SIP over TCP/TLS, backed by <see cref="SipStreamFramer"/>. Pings and pongs are
/// reported as <see cref="FrameStatus.KeepAlive"/>; the SIP handler answers a ping (CRLFCRLF, see
/// <see cref="IsPing"/>) with <see cref="SipStreamFramer.Pong"/>.
/// </summary>
public sealed class SipMessageFramer : IMessageFramer
{
    /// <summary>The shared stateless instance.</summary>
    public static SipMessageFramer Instance { get; } = new();

    /// <inheritdoc/>
    public FrameResult Frame(in ReadOnlySequence<byte> buffer)
    {
        if (!SipStreamFramer.TryFrame(buffer, out SipFrame frame))
        {
            return FrameResult.NeedMore;
        }

        return frame.Kind switch
        {
            SipFrameKind.Message => new FrameResult(FrameStatus.Message, frame.Length),
            SipFrameKind.Ping or SipFrameKind.Pong => new FrameResult(FrameStatus.KeepAlive, frame.Length),
            _ => new FrameResult(FrameStatus.Invalid, 0, new SipParseError(frame.Error, 0).Description),
        };
    }

    /// <summary>True when keep-alive bytes are a ping that needs a pong (RFC 5626 §3.5.1).</summary>
    public static bool IsPing(ReadOnlySpan<byte> keepAlive) => keepAlive.SequenceEqual("\r\n\r\n"u8);
}
