namespace Switchboard.Dialplan.Execution;

/// <summary>Result of waiting for a digit.</summary>
/// <param name="Outcome">How the wait ended.</param>
/// <param name="Digit">The digit (0-9, *, #, A-D) when <see cref="Outcome"/> is <see cref="DigitOutcome.Digit"/>.</param>
public readonly record struct DigitResult(DigitOutcome Outcome, char Digit = '\0')
{
    /// <summary>No digit in time.</summary>
    public static DigitResult Timeout => new(DigitOutcome.Timeout);

    /// <summary>The channel hung up.</summary>
    public static DigitResult HungUp => new(DigitOutcome.HungUp);

    /// <summary>A digit arrived.</summary>
    public static DigitResult Of(char digit) => new(DigitOutcome.Digit, digit);
}
