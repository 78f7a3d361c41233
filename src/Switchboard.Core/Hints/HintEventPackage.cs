namespace Switchboard.Core.Hints;

/// <summary>
/// The SUBSCRIBE event packages served: dialog (RFC 4235, BLF) and presence (RFC 3856, PIDF) for hints, and
/// message-summary (RFC 3842, MWI) for mailboxes.
/// </summary>
public enum HintEventPackage
{
    Dialog,
    Presence,
    MessageSummary,
}
