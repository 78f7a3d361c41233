namespace Switchboard.Core.Pjsip.Location;

/// <summary>What happened to a contact.</summary>
public enum ContactChange
{
    Created,
    Updated,
    Removed,
    Expired,
    StatusChanged,
}

/// <summary>Event on the bus when a contact is added, refreshed, removed, expires or changes qualify status.</summary>
public sealed record ContactChanged(ContactChange Change, ContactBinding Contact, ContactStatusInfo Status);
