using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Framing;

/// <summary>The framer's verdict: kind, bytes to consume, and the error for <see cref="SipFrameKind.Error"/>.</summary>
public readonly record struct SipFrame(SipFrameKind Kind, int Length, SipParseErrorCode Error);
