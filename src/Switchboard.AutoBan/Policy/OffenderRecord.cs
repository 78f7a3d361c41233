using Switchboard.AutoBan.Addressing;
using Switchboard.Common.Timing;

namespace Switchboard.AutoBan.Policy;

/// <summary>Everything AutoBan knows about one address. Owned by <see cref="BanPolicy"/> and touched under its lock.</summary>
internal sealed class OffenderRecord(BanAddress address)
{
    public BanAddress Address { get; } = address;

    /// <summary>Events counted in the current watch window.</summary>
    public int WatchCount { get; set; }

    public DateTimeOffset? WatchUntil { get; set; }

    public DateTimeOffset? JailUntil { get; set; }

    /// <summary>Length of the current (or last) jail sentence.</summary>
    public TimeSpan JailSentence { get; set; }

    public DateTimeOffset? ParoleUntil { get; set; }

    /// <summary>The sentence this parole follows; a new offence during parole escalates from it.</summary>
    public TimeSpan ParoleSentence { get; set; }

    public bool Blacklisted { get; set; }

    public bool Whitelisted { get; set; }

    public TimerHandle Timer { get; set; }

    public DateTimeOffset TimerDue { get; set; }

    public bool IsWatched => WatchUntil.HasValue;

    public bool IsJailed => JailUntil.HasValue;

    public bool IsOnParole => ParoleUntil.HasValue;

    public bool IsEmpty => !IsWatched && !IsJailed && !IsOnParole && !Blacklisted && !Whitelisted;

    /// <summary>Dropped by the in-process filter: jailed or blacklisted, and not whitelisted (nft's rule order).</summary>
    public bool IsBlocked => (IsJailed || Blacklisted) && !Whitelisted;

    public DateTimeOffset? NextExpiry
    {
        get
        {
            DateTimeOffset? next = null;
            Consider(ref next, WatchUntil);
            Consider(ref next, JailUntil);
            Consider(ref next, ParoleUntil);
            return next;
        }
    }

    public bool IsMember(AutoBanSet set) => set switch
    {
        AutoBanSet.Watch => IsWatched,
        AutoBanSet.Jail => IsJailed,
        AutoBanSet.Parole => IsOnParole,
        AutoBanSet.Blacklist => Blacklisted,
        AutoBanSet.Whitelist => Whitelisted,
        _ => false,
    };

    private static void Consider(ref DateTimeOffset? next, DateTimeOffset? candidate)
    {
        if (candidate.HasValue && (!next.HasValue || candidate.Value < next.Value))
        {
            next = candidate;
        }
    }
}
