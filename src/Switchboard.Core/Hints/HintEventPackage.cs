namespace Switchboard.Core.Hints;

/// <summary>The SUBSCRIBE event packages served for hints: dialog (RFC 4235, BLF) and presence (RFC 3856, PIDF).</summary>
public enum HintEventPackage
{
    Dialog,
    Presence,
}
