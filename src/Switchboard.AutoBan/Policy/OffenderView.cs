using Switchboard.AutoBan.Addressing;

namespace Switchboard.AutoBan.Policy;

/// <summary>A read-only copy of one address's state with REMAINING times (null = not in that set).</summary>
public readonly record struct OffenderView(
    BanAddress Address,
    int WatchCount,
    TimeSpan? WatchRemaining,
    TimeSpan? JailRemaining,
    TimeSpan JailSentence,
    TimeSpan? ParoleRemaining,
    TimeSpan ParoleSentence,
    bool Blacklisted,
    bool Whitelisted)
{
    public bool IsMember(AutoBanSet set) => set switch
    {
        AutoBanSet.Watch => WatchRemaining.HasValue,
        AutoBanSet.Jail => JailRemaining.HasValue,
        AutoBanSet.Parole => ParoleRemaining.HasValue,
        AutoBanSet.Blacklist => Blacklisted,
        AutoBanSet.Whitelist => Whitelisted,
        _ => false,
    };
}
