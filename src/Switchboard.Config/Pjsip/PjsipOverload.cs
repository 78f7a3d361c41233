namespace Switchboard.Config.Pjsip;

/// <summary>
/// Overload control of the <c>type=global</c> object: when the PBX cannot keep up, new out-of-dialog requests are
/// refused early with <c>503 Service Unavailable</c> and <c>Retry-After</c> so that admitted calls complete.
/// Asterisk's <c>taskprocessor_overload_trigger</c> (global, pjsip_only, none) switches it; the <c>overload_*</c>
/// keys are Switchboard's own (see src/Switchboard.Core/Sip/Overload/README.md).
/// </summary>
public sealed record PjsipOverload
{
    /// <summary>Every default: on, queue delay 500/100 ms, receive backlog 200/20 ms, no pending-INVITE limit, Retry-After 5 s.</summary>
    public static PjsipOverload Default { get; } = new();

    /// <summary><c>taskprocessor_overload_trigger</c>: global or pjsip_only = on (same for us), none = never refuse.</summary>
    public string Trigger { get; init; } = "global";

    /// <summary>False when <see cref="Trigger"/> is none.</summary>
    public bool Enabled => !string.Equals(Trigger, "none", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>overload_delay_high</c> (ms): work waiting this long in the thread pool starts an overload episode (0 = signal off).</summary>
    public int DelayHighMs { get; init; } = 500;

    /// <summary><c>overload_delay_low</c> (ms): the episode may end once the wait is at most this.</summary>
    public int DelayLowMs { get; init; } = 100;

    /// <summary>
    /// <c>overload_backlog_high</c> (ms): the UDP receive loops finding datagrams waiting at every read for this long
    /// starts an episode (0 = signal off).
    /// </summary>
    public int BacklogHighMs { get; init; } = 200;

    /// <summary><c>overload_backlog_low</c> (ms): the episode may end once the backlog is at most this.</summary>
    public int BacklogLowMs { get; init; } = 20;

    /// <summary><c>overload_invites_high</c>: this many INVITEs without a final response start an episode (0 = signal off).</summary>
    public int InvitesHigh { get; init; }

    /// <summary><c>overload_invites_low</c>: the episode may end at this many or fewer (0 = three quarters of high).</summary>
    public int InvitesLow { get; init; }

    /// <summary><c>overload_queue_high</c>: thread-pool work items waiting that start an episode (0 = signal off).</summary>
    public int QueueHigh { get; init; }

    /// <summary><c>overload_queue_low</c>: the episode may end at this many or fewer (0 = a quarter of high).</summary>
    public int QueueLow { get; init; }

    /// <summary><c>overload_min_duration</c> (ms): an episode lasts at least this long (no flapping).</summary>
    public int MinDurationMs { get; init; } = 1000;

    /// <summary><c>overload_retry_after</c> (s): value of the Retry-After header of the 503.</summary>
    public int RetryAfterSeconds { get; init; } = 5;

    /// <summary><c>overload_methods</c>: the out-of-dialog request methods refused during an episode.</summary>
    public IReadOnlyList<string> Methods { get; init; } = ["INVITE", "REGISTER", "SUBSCRIBE", "MESSAGE"];
}
