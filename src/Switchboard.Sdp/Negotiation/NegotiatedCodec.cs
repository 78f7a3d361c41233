namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// One codec agreed for a stream. <see cref="PayloadType"/> is the number the remote side declared (what we put in
/// packets we send); <see cref="LocalPayloadType"/> is the number we declared (what arrives from the remote).
/// They differ only for dynamic types when the answerer did not keep the offerer's numbers.
/// </summary>
public sealed record NegotiatedCodec(string Name, int PayloadType, int LocalPayloadType, int ClockRate, int? Channels, string? FormatParameters);
