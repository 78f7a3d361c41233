namespace Switchboard.Dialplan.Execution;

/// <summary>How waiting for a DTMF digit ended.</summary>
public enum DigitOutcome
{
    /// <summary>A digit arrived.</summary>
    Digit,

    /// <summary>The time ran out.</summary>
    Timeout,

    /// <summary>The channel hung up.</summary>
    HungUp,
}
