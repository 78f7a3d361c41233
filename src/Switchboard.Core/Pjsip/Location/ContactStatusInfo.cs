namespace Switchboard.Core.Pjsip.Location;

/// <summary>Runtime qualify state of one contact: status and last round-trip time.</summary>
public readonly record struct ContactStatusInfo(ContactStatus Status, TimeSpan? RoundTrip)
{
    public string ShortName => Status switch
    {
        ContactStatus.Reachable => "Avail",
        ContactStatus.Unreachable => "Unavail",
        ContactStatus.Unknown => "Unknown",
        _ => "NonQual",
    };

    public string LongName => Status switch
    {
        ContactStatus.Reachable => "Reachable",
        ContactStatus.Unreachable => "Unreachable",
        ContactStatus.Unknown => "Unknown",
        _ => "NonQualified",
    };
}
