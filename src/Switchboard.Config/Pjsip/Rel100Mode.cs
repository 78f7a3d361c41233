namespace Switchboard.Config.Pjsip;

/// <summary><c>100rel=</c> (RFC 3262 reliable provisional responses).</summary>
public enum Rel100Mode
{
    No,
    Yes,
    Required,
    PeerSupported,
}
