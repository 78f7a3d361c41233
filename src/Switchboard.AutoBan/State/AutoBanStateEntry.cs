namespace Switchboard.AutoBan.State;

/// <summary>One address in autoban.json; remaining times in seconds, absent when not in that set.</summary>
internal sealed class AutoBanStateEntry
{
    public string Address { get; set; } = "";

    public int WatchCount { get; set; }

    public double? WatchRemaining { get; set; }

    public double? JailRemaining { get; set; }

    public double JailSentence { get; set; }

    public double? ParoleRemaining { get; set; }

    public double ParoleSentence { get; set; }
}
