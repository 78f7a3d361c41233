namespace Switchboard.Sip.Uris;

/// <summary>URI schemes the stack understands.</summary>
public enum SipUriScheme : byte
{
    /// <summary>Any other absoluteURI scheme (e.g. http, isbn, mailto).</summary>
    Other = 0,
    Sip,
    Sips,
    Tel,
}
