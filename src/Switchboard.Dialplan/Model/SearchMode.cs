namespace Switchboard.Dialplan.Model;

/// <summary>What a dialplan search looks for.</summary>
internal enum SearchMode
{
    /// <summary>A priority number.</summary>
    Priority,

    /// <summary>A labelled priority.</summary>
    Label,

    /// <summary>A hint.</summary>
    Hint,

    /// <summary>Could the dialled string match priority 1 of some extension, now or later?</summary>
    CanMatch,

    /// <summary>Could more digits still lead to a match?</summary>
    MatchMore,
}
