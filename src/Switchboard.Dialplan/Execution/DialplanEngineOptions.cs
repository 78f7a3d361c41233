namespace Switchboard.Dialplan.Execution;

/// <summary>Limits and defaults of the interpreter.</summary>
public sealed record DialplanEngineOptions
{
    /// <summary>Priorities one channel may execute before it is hung up with an error (runaway loops).</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>How long to wait between digits when collecting an extension (Asterisk's digit timeout, 5 s).</summary>
    public TimeSpan DigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long WaitExten waits without an argument (Asterisk's response timeout, 10 s).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Busy()/Congestion() and auto-fallthrough indications wait for the caller to hang up.</summary>
    public TimeSpan IndicationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>${SYSTEMNAME}.</summary>
    public string SystemName { get; init; } = string.Empty;

    /// <summary>Where AGI() looks for a program given by a relative name (Asterisk's astagidir).</summary>
    public string AgiDirectory { get; init; } = "/var/lib/asterisk/agi-bin";
}
