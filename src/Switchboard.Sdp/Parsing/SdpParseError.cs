namespace Switchboard.Sdp.Parsing;

/// <summary>A parse failure: the reason, the 1-based line number (0 when not tied to a line) and a readable detail.</summary>
public readonly record struct SdpParseError(SdpParseErrorReason Reason, int Line, string Detail)
{
    public static SdpParseError None => new(SdpParseErrorReason.None, 0, string.Empty);

    public override string ToString() => Line > 0 ? $"SDP line {Line}: {Detail} ({Reason})" : $"SDP: {Detail} ({Reason})";
}
