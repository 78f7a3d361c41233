namespace Switchboard.Media.Relay;

/// <summary>A payload type negotiated on a leg: number, Asterisk codec name, RTP clock rate.</summary>
public sealed record RtpCodecBinding(int PayloadType, string Name, int ClockRate);
