namespace Switchboard.Sip.Validation;

/// <summary>Why a parsed request is not acceptable.</summary>
public enum SipValidationFailure : byte
{
    None = 0,
    UnsupportedVersion,
    MissingHeader,
    DuplicateHeader,
    MalformedHeader,
    CSeqMethodMismatch,
    UnknownMethod,
    BadRequestUri,
    UnsupportedUriScheme,
    TooManyHops,
    BadExtension,
}
