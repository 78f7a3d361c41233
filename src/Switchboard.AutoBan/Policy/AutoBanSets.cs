namespace Switchboard.AutoBan.Policy;

/// <summary>Names of <see cref="AutoBanSet"/> as the CLI and nft write them.</summary>
public static class AutoBanSets
{
    /// <summary>All five sets in the reference's column order.</summary>
    public static readonly AutoBanSet[] All = [AutoBanSet.Watch, AutoBanSet.Jail, AutoBanSet.Parole, AutoBanSet.Blacklist, AutoBanSet.Whitelist];

    public static string Name(AutoBanSet set) => set switch
    {
        AutoBanSet.Watch => "watch",
        AutoBanSet.Jail => "jail",
        AutoBanSet.Parole => "parole",
        AutoBanSet.Blacklist => "blacklist",
        AutoBanSet.Whitelist => "whitelist",
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    public static bool TryParse(string name, out AutoBanSet set)
    {
        foreach (var s in All)
        {
            if (string.Equals(Name(s), name, StringComparison.OrdinalIgnoreCase))
            {
                set = s;
                return true;
            }
        }

        set = default;
        return false;
    }

    public static bool IsTimed(AutoBanSet set) => set is AutoBanSet.Watch or AutoBanSet.Jail or AutoBanSet.Parole;
}
