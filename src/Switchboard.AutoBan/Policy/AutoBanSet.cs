namespace Switchboard.AutoBan.Policy;

/// <summary>The reference's five sets. Watch, Jail and Parole are timed; Blacklist and Whitelist are permanent.</summary>
public enum AutoBanSet
{
    Watch,
    Jail,
    Parole,
    Blacklist,
    Whitelist,
}
