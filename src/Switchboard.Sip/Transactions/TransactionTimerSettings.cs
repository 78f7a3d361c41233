namespace Switchboard.Sip.Transactions;

/// <summary>
/// RFC 3261 timer values (§17, Table 4) and the layer's own limits. T1 500 ms, T2 4 s, T4 5 s by default; the
/// 64*T1 timers (B, F, H, J, L, M) follow T1.
/// </summary>
public sealed record TransactionTimerSettings
{
    /// <summary>Default settings.</summary>
    public static TransactionTimerSettings Default { get; } = new();

    /// <summary>RTT estimate (Timer A/E/G initial interval).</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message remains in the network (Timer I and K).</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D: wait time for response retransmissions after a non-2xx final to INVITE (unreliable transports).</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// INVITE server: send 100 Trying when the TU has not answered within this delay (RFC 3261 §17.2.1);
    /// null disables it.
    /// </summary>
    public TimeSpan? AutoTryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Non-INVITE server: drop the transaction (reported as <see cref="TransactionFailure.NotAnswered"/>) when the
    /// TU sent no final response within this time; null = 64*T1 (the client has given up by then).
    /// </summary>
    public TimeSpan? NonInviteAnswerLimit { get; init; }

    /// <summary>INVITE server: the same limit for INVITE (ringing may last long); default 1 hour.</summary>
    public TimeSpan InviteAnswerLimit { get; init; } = TimeSpan.FromHours(1);

    /// <summary>64*T1: Timers B, F, H, J, L, M.</summary>
    public TimeSpan SixtyFourT1 => T1 * 64;

    internal TimeSpan EffectiveNonInviteAnswerLimit => NonInviteAnswerLimit ?? SixtyFourT1;

    /// <summary>Next retransmission interval: doubled, capped at <see cref="T2"/> (Timers E and G).</summary>
    internal TimeSpan DoubleCapped(TimeSpan current)
    {
        TimeSpan next = current * 2;
        return next > T2 ? T2 : next;
    }
}
