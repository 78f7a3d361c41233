namespace Switchboard.AutoBan.State;

/// <summary>
/// autoban.json: every tracked address with its REMAINING times in seconds at <see cref="SavedAt"/>, and the
/// black/whitelists. At start the time elapsed since SavedAt is subtracted.
/// </summary>
internal sealed class AutoBanStateDocument
{
    public int Version { get; set; } = 1;

    public DateTimeOffset SavedAt { get; set; }

    public List<AutoBanStateEntry> Entries { get; set; } = [];

    public List<string> Blacklist { get; set; } = [];

    public List<string> Whitelist { get; set; } = [];
}
