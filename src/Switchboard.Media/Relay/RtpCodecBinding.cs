namespace Switchboard.Media.Relay;

/// <summary>
/// A codec negotiated on a leg. <see cref="PayloadType"/> is the number packets arrive with (the one we declared in
/// our SDP); <see cref="SendPayloadType"/> is the number we send with (the one the remote declared). They differ
/// only when an answerer renumbered dynamic payload types; null means the same number both ways.
/// </summary>
public sealed record RtpCodecBinding(int PayloadType, string Name, int ClockRate, int? SendPayloadType = null)
{
    /// <summary>The payload type to put in packets sent to the remote.</summary>
    public int OutgoingPayloadType => SendPayloadType ?? PayloadType;
}
