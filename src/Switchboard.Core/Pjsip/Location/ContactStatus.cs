namespace Switchboard.Core.Pjsip.Location;

/// <summary>Qualify state of a contact, named as Asterisk prints it.</summary>
public enum ContactStatus
{
    /// <summary>Not qualified (qualify_frequency 0): "NonQual".</summary>
    NonQualified,

    /// <summary>Qualify pending: "Unknown".</summary>
    Unknown,

    /// <summary>Answered the last OPTIONS: "Avail" / Reachable.</summary>
    Reachable,

    /// <summary>Did not answer: "Unavail" / Unreachable.</summary>
    Unreachable,
}
