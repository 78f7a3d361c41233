using Switchboard.AutoBan.Addressing;
using Switchboard.AutoBan.Policy;

namespace Switchboard.AutoBan.State;

/// <summary>Converts between the policy's views and autoban.json, applying the downtime on the way back.</summary>
internal static class AutoBanStateMapper
{
    public static AutoBanStateDocument ToDocument(IReadOnlyList<OffenderView> views, DateTimeOffset now)
    {
        var doc = new AutoBanStateDocument { SavedAt = now };
        foreach (var v in views)
        {
            var address = v.Address.ToString();
            if (v.Blacklisted)
            {
                doc.Blacklist.Add(address);
            }

            if (v.Whitelisted)
            {
                doc.Whitelist.Add(address);
            }

            if (v.WatchRemaining is null && v.JailRemaining is null && v.ParoleRemaining is null)
            {
                continue;
            }

            doc.Entries.Add(new AutoBanStateEntry
            {
                Address = address,
                WatchCount = v.WatchRemaining.HasValue ? v.WatchCount : 0,
                WatchRemaining = v.WatchRemaining?.TotalSeconds,
                JailRemaining = v.JailRemaining?.TotalSeconds,
                JailSentence = v.JailSentence.TotalSeconds,
                ParoleRemaining = v.ParoleRemaining?.TotalSeconds,
                ParoleSentence = v.ParoleSentence.TotalSeconds,
            });
        }

        return doc;
    }

    /// <summary>
    /// The views to restore: remaining times reduced by the time between SavedAt and <paramref name="now"/> (the
    /// downtime counts); entries whose times all ran out are dropped. Bad addresses are reported, not thrown.
    /// </summary>
    public static List<OffenderView> FromDocument(AutoBanStateDocument doc, DateTimeOffset now, int v6PrefixLength, List<string> problems)
    {
        var elapsed = now - doc.SavedAt;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        var byAddress = new Dictionary<BanAddress, OffenderView>();
        foreach (var e in doc.Entries)
        {
            if (!BanAddress.TryParse(e.Address, v6PrefixLength, out var address))
            {
                problems.Add($"entry '{e.Address}' is not an address");
                continue;
            }

            var view = new OffenderView(
                address,
                e.WatchCount,
                Left(e.WatchRemaining, elapsed),
                Left(e.JailRemaining, elapsed),
                Seconds(e.JailSentence),
                Left(e.ParoleRemaining, elapsed),
                Seconds(e.ParoleSentence),
                false,
                false);
            if (view.WatchRemaining.HasValue || view.JailRemaining.HasValue || view.ParoleRemaining.HasValue)
            {
                byAddress[address] = view;
            }
        }

        Mark(doc.Blacklist, true, byAddress, v6PrefixLength, problems);
        Mark(doc.Whitelist, false, byAddress, v6PrefixLength, problems);
        var list = byAddress.Values.ToList();
        list.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        return list;
    }

    private static void Mark(List<string> addresses, bool black, Dictionary<BanAddress, OffenderView> byAddress, int v6PrefixLength, List<string> problems)
    {
        foreach (var text in addresses)
        {
            if (!BanAddress.TryParse(text, v6PrefixLength, out var address))
            {
                problems.Add($"{(black ? "blacklist" : "whitelist")} entry '{text}' is not an address");
                continue;
            }

            var v = byAddress.TryGetValue(address, out var existing)
                ? existing
                : new OffenderView(address, 0, null, null, TimeSpan.Zero, null, TimeSpan.Zero, false, false);
            byAddress[address] = black ? v with { Blacklisted = true } : v with { Whitelisted = true };
        }
    }

    private static TimeSpan? Left(double? remaining, TimeSpan elapsed)
    {
        if (remaining is not { } r || double.IsNaN(r) || r <= 0)
        {
            return null;
        }

        var left = Seconds(r) - elapsed;
        return left > TimeSpan.Zero ? left : null;
    }

    private static TimeSpan Seconds(double seconds)
        => double.IsNaN(seconds) || seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(seconds, 99_999_999));
}
