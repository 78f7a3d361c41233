namespace Switchboard.Sdp.Negotiation;

/// <summary>
/// How a codec appears in SDP: its Asterisk name (ulaw, alaw, g722 ...), RTP encoding name and clock rate,
/// the static payload type (RFC 3551) or the dynamic one Asterisk uses by default, and default fmtp.
/// </summary>
public sealed record SdpCodec(
    string Name,
    SdpCodecKind Kind,
    string EncodingName,
    int ClockRate,
    int? Channels,
    int StaticPayloadType,
    int DefaultPayloadType,
    string? DefaultFormatParameters)
{
    /// <summary>True when the payload type is fixed by RFC 3551 (0-95).</summary>
    public bool IsStatic => StaticPayloadType >= 0;

    public bool Matches(string encodingName, int clockRate) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == clockRate;
}
