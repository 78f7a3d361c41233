namespace Switchboard.AutoBan.Policy;

/// <summary>What one security event did to its address.</summary>
public enum OffenceOutcome
{
    /// <summary>Whitelisted or blacklisted: nothing changes.</summary>
    Ignored,

    /// <summary>Counted in the watch window.</summary>
    Watching,

    /// <summary>Jailed now (count reached maxcount, or an offence on parole).</summary>
    Jailed,

    /// <summary>Already in jail: nothing changes except a watch entry re-added if it had expired.</summary>
    AlreadyJailed,
}
