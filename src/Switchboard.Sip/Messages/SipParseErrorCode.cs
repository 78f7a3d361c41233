namespace Switchboard.Sip.Messages;

/// <summary>Why a message could not be parsed.</summary>
public enum SipParseErrorCode : byte
{
    None = 0,
    /// <summary>No bytes (or only CRLFs, which are keep-alives rather than messages).</summary>
    Empty,
    /// <summary>The header section has no terminating empty line.</summary>
    MissingEmptyLine,
    /// <summary>The start line is neither a Request-Line nor a Status-Line.</summary>
    BadStartLine,
    /// <summary>The method is not a token.</summary>
    BadMethod,
    /// <summary>The Request-URI is empty, contains white space or does not start with a scheme.</summary>
    BadRequestUri,
    /// <summary>The SIP-Version is not of the form SIP/digits.digits.</summary>
    BadVersion,
    /// <summary>The Status-Code is not exactly three digits (100-699).</summary>
    BadStatusCode,
    /// <summary>A header line has no colon or its name is not a token.</summary>
    BadHeaderLine,
    /// <summary>A continuation line (obs-fold) appears before any header.</summary>
    BadFolding,
    /// <summary>More headers than the parser accepts.</summary>
    TooManyHeaders,
    /// <summary>Content-Length is not a non-negative decimal that fits in an int.</summary>
    BadContentLength,
    /// <summary>Content-Length appears more than once.</summary>
    MultipleContentLength,
    /// <summary>Content-Length announces more body bytes than the datagram holds.</summary>
    ContentLengthExceedsData,
    /// <summary>Content-Length is required on stream transports but missing.</summary>
    MissingContentLength,
    /// <summary>A line contains a control character where none is allowed.</summary>
    BadCharacter,
    /// <summary>The header section or the whole message exceeds the framer's limit.</summary>
    MessageTooLarge,
}
