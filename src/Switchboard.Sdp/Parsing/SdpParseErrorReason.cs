namespace Switchboard.Sdp.Parsing;

/// <summary>Why an SDP body was refused.</summary>
public enum SdpParseErrorReason
{
    None,
    Empty,
    TooLarge,
    TooManyLines,
    MissingVersion,
    UnsupportedVersion,
    MalformedLine,
    InvalidText,
    MissingOrigin,
    InvalidOrigin,
    InvalidConnection,
    InvalidBandwidth,
    InvalidTiming,
    InvalidMedia,
    InvalidAttribute,
    MissingConnection,
    TooManyMediaSections,
    TooManyAttributes,
}
