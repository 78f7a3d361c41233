namespace Switchboard.Sip.Uris;

/// <summary>The form of a URI host.</summary>
public enum SipHostKind : byte
{
    None = 0,
    DomainName,
    IPv4,
    /// <summary>An IPv6 reference in brackets, e.g. <c>[2001:db8::10]</c>.</summary>
    IPv6,
}
