namespace Switchboard.Dialplan.Execution;

/// <summary>Result of <see cref="IDialplanChannel.PlayAsync"/>.</summary>
/// <param name="Outcome">How playback ended.</param>
/// <param name="Digit">The digit that interrupted it, else '\0'.</param>
public readonly record struct PlaybackResult(PlaybackOutcome Outcome, char Digit = '\0')
{
    /// <summary>Played to the end.</summary>
    public static PlaybackResult Completed => new(PlaybackOutcome.Completed);

    /// <summary>File missing.</summary>
    public static PlaybackResult NotFound => new(PlaybackOutcome.NotFound);

    /// <summary>Channel hung up.</summary>
    public static PlaybackResult HungUp => new(PlaybackOutcome.HungUp);

    /// <summary>Stopped by <paramref name="digit"/>.</summary>
    public static PlaybackResult InterruptedBy(char digit) => new(PlaybackOutcome.Interrupted, digit);
}
