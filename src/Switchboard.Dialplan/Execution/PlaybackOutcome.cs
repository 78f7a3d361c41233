namespace Switchboard.Dialplan.Execution;

/// <summary>How playing a sound file ended.</summary>
public enum PlaybackOutcome
{
    /// <summary>The file played to its end.</summary>
    Completed,

    /// <summary>A DTMF digit from the allowed set stopped it.</summary>
    Interrupted,

    /// <summary>No such file in any format or language.</summary>
    NotFound,

    /// <summary>The channel hung up.</summary>
    HungUp,
}
