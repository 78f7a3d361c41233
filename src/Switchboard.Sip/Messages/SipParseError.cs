namespace Switchboard.Sip.Messages;

/// <summary>A parse failure: what went wrong and the byte offset where it was noticed.</summary>
public readonly record struct SipParseError(SipParseErrorCode Code, int Offset)
{
    /// <summary>No error.</summary>
    public static SipParseError None => default;

    /// <summary>True when this describes a failure.</summary>
    public bool IsError => Code != SipParseErrorCode.None;

    /// <summary>A short English reason, usable as a Reason-Phrase or a log field (never allocates).</summary>
    public string Description => Code switch
    {
        SipParseErrorCode.None => "OK",
        SipParseErrorCode.Empty => "Empty message",
        SipParseErrorCode.MissingEmptyLine => "Header section not terminated",
        SipParseErrorCode.BadStartLine => "Malformed start line",
        SipParseErrorCode.BadMethod => "Malformed method",
        SipParseErrorCode.BadRequestUri => "Malformed Request-URI",
        SipParseErrorCode.BadVersion => "Malformed SIP-Version",
        SipParseErrorCode.BadStatusCode => "Malformed Status-Code",
        SipParseErrorCode.BadHeaderLine => "Malformed header line",
        SipParseErrorCode.BadFolding => "Continuation line without a header",
        SipParseErrorCode.TooManyHeaders => "Too many header fields",
        SipParseErrorCode.BadContentLength => "Malformed Content-Length",
        SipParseErrorCode.MultipleContentLength => "Multiple Content-Length values",
        SipParseErrorCode.ContentLengthExceedsData => "Content-Length larger than message",
        SipParseErrorCode.MissingContentLength => "Content-Length required",
        SipParseErrorCode.BadCharacter => "Invalid character",
        SipParseErrorCode.MessageTooLarge => "Message too large",
        _ => "Parse error",
    };
}
