using System.Buffers;

namespace Switchboard.Common.Framing;

/// <summary>
/// Splits a byte stream into protocol messages. Transport calls it on stream connections (TCP, TLS) without knowing
/// the protocol; the protocol project (e.g. SIP's Content-Length framer) implements it.
/// </summary>
public interface IMessageFramer
{
    /// <summary>Examines the start of <paramref name="buffer"/> and says what the next unit is.</summary>
    FrameResult Frame(in ReadOnlySequence<byte> buffer);
}
