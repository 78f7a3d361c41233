namespace Switchboard.Dialplan.Patterns;

/// <summary>The three questions Asterisk asks of an extension pattern.</summary>
public enum MatchMode
{
    /// <summary>Does the dialled string match completely?</summary>
    Match,

    /// <summary>Could the dialled string match, now or with more digits?</summary>
    CanMatch,

    /// <summary>Could more digits still produce a match (so keep collecting)?</summary>
    MatchMore,
}
