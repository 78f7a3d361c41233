namespace Switchboard.Dialplan.Patterns;

/// <summary>Result of testing a dialled string against a pattern.</summary>
public enum MatchOutcome
{
    /// <summary>No match for the mode asked.</summary>
    None = 0,

    /// <summary>Matches for the mode asked.</summary>
    Match = 1,

    /// <summary>Reached a <c>!</c>: matches now and asks that no more digits be waited for.</summary>
    EarlyMatch = 2,
}
