using Microsoft.Extensions.Logging;
using Switchboard.Config.Pjsip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Core.Sip.Overload;

/// <summary>
/// Admission control for new out-of-dialog requests (RFC 3261 §21.5.4): while the server is overloaded (see
/// <see cref="OverloadDetector"/>), the configured methods get <c>503 Service Unavailable</c> with
/// <c>Retry-After</c> straight from the receive path, before identification, authentication or the dialplan, so the
/// calls already admitted keep the CPU. In-dialog requests (a To tag), ACK, CANCEL and responses are never refused.
/// Signals are sampled every <see cref="SampleInterval"/>; the pending-INVITE count is also checked per INVITE.
/// Logs once when an episode starts and once when it ends.
/// </summary>
public sealed partial class OverloadControl : IDisposable
{
    /// <summary>How often the queue delay is sampled.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly Func<long> _pendingInvites;
    private readonly Func<TimeSpan>? _receiveBacklog;
    private readonly ILogger _log;
    private readonly ThreadPoolDelayProbe _probe;
    private readonly Lock _gate = new();
    private readonly OverloadDetector _detector;
    private readonly AdmissionShare _share = new();
    private readonly ITimer? _timer;
    private volatile bool _overloaded;
    private volatile bool _enabled;
    private uint _methods;
    private long _invitesHigh;
    private byte[] _retryAfter = [];
    private long _rejected;
    private long _episodes;
    private long _episodeRejectedStart;
    private TimeSpan _lastDelay;
    private TimeSpan _lastBacklog;
    private long _lastQueued;

    /// <param name="settings">pjsip.conf [global] overload settings.</param>
    /// <param name="time">Clock of the sampler (and of the timer when <paramref name="sample"/> is true).</param>
    /// <param name="pendingInvites">INVITE server transactions without a final response (TransactionLayer.ProceedingInvites).</param>
    /// <param name="log">Where the episode lines go.</param>
    /// <param name="sample">False for tests that call <see cref="Sample"/> themselves.</param>
    /// <param name="receiveBacklog">The longest receive backlog of the UDP transports (UdpTransport.ReceiveBacklog), if any.</param>
    public OverloadControl(PjsipOverload settings, TimeProvider time, Func<long> pendingInvites, ILogger log, bool sample = true, Func<TimeSpan>? receiveBacklog = null)
    {
        _time = time;
        _pendingInvites = pendingInvites;
        _receiveBacklog = receiveBacklog;
        _log = log;
        _probe = new ThreadPoolDelayProbe(time);
        _detector = new OverloadDetector(OverloadThresholds.From(settings));
        Configure(settings);
        if (sample)
        {
            _timer = time.CreateTimer(static s => ((OverloadControl)s!).Sample(), this, SampleInterval, SampleInterval);
        }
    }

    /// <summary>True while new requests are refused.</summary>
    public bool IsOverloaded => _overloaded;

    /// <summary>Requests refused with 503 since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Overload episodes since start.</summary>
    public long Episodes => Interlocked.Read(ref _episodes);

    /// <summary>The last sampled thread-pool queue delay.</summary>
    public TimeSpan QueueDelay
    {
        get
        {
            lock (_gate)
            {
                return _lastDelay;
            }
        }
    }

    /// <summary>The last sampled UDP receive backlog.</summary>
    public TimeSpan ReceiveBacklog
    {
        get
        {
            lock (_gate)
            {
                return _lastBacklog;
            }
        }
    }

    /// <summary>The share of new requests admitted now, 0..1 (1 outside an episode; grows and shrinks within one).</summary>
    public double AdmittedShare => _share.Current / (double)AdmissionShare.Full;

    /// <summary>The Retry-After seconds of the 503.</summary>
    public int RetryAfterSeconds { get; private set; }

    /// <summary>Applies (re)loaded settings; the current episode goes on under the new marks.</summary>
    public void Configure(PjsipOverload settings)
    {
        uint methods = 0;
        foreach (var name in settings.Methods)
        {
            var m = SipMethods.Parse(System.Text.Encoding.ASCII.GetBytes(name));
            if (m is not SipMethod.Unknown and not SipMethod.Ack and not SipMethod.Cancel && (int)m < 32)
            {
                methods |= 1u << (int)m;
            }
        }

        lock (_gate)
        {
            _detector.Thresholds = OverloadThresholds.From(settings);
            _methods = methods;
            _invitesHigh = settings.InvitesHigh;
            RetryAfterSeconds = settings.RetryAfterSeconds;
            _retryAfter = System.Text.Encoding.ASCII.GetBytes(settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _enabled = settings.Enabled;
            if (!_enabled && _overloaded)
            {
                _overloaded = false;
                _share.Leave();
            }
        }
    }

    /// <summary>
    /// For a new request that created a server transaction: true when it must be refused now (then the caller sends
    /// <see cref="Reject"/>). Only initial requests of the configured methods are ever refused.
    /// </summary>
    internal bool ShouldReject(SipMessage request)
    {
        if (!_enabled)
        {
            return false;
        }

        var method = request.Method;
        if ((int)method >= 32 || (_methods & (1u << (int)method)) == 0)
        {
            return false;
        }

        if (request.TryGetTo(out SipNameAddr to) && !to.Tag.IsEmpty)
        {
            return false; // in-dialog
        }

        // The pending-INVITE signal is exact and checked per INVITE: over its mark, the INVITE is refused even when
        // the admitted share would let it through.
        bool invitesOver = false;
        long high = Volatile.Read(ref _invitesHigh);
        if (method == SipMethod.Invite && high > 0)
        {
            long others = _pendingInvites() - 1; // this INVITE's transaction already counts
            invitesOver = others >= high;
            if (invitesOver && !_overloaded)
            {
                Evaluate(others);
            }
        }

        if (!_overloaded || (!invitesOver && _share.Admit()))
        {
            return false;
        }

        Interlocked.Increment(ref _rejected);
        return true;
    }

    /// <summary>Answers <paramref name="transaction"/> 503 Service Unavailable with Retry-After.</summary>
    internal void Reject(ServerTransaction transaction, string server)
    {
        using var buf = new PooledBufferWriter();
        var w = SipResponseFactory.Begin(buf, transaction.Request, 503, "Service Unavailable"u8, SipTags.New());
        w.WriteHeader("Retry-After"u8, _retryAfter);
        w.WriteHeader("Server", server);
        w.WriteEnd();
        transaction.SendResponse(buf.WrittenSpan);
    }

    /// <summary>Takes one sample of every signal and updates the state (the timer calls it every <see cref="SampleInterval"/>).</summary>
    public void Sample()
    {
        if (!_enabled)
        {
            return;
        }

        var delay = _probe.Measure();
        var backlog = _receiveBacklog?.Invoke() ?? TimeSpan.Zero;
        long queued = 0;
        lock (_gate)
        {
            if (_detector.Thresholds.QueueHigh > 0)
            {
                queued = ThreadPool.PendingWorkItemCount;
            }

            _lastDelay = delay;
            _lastBacklog = backlog;
            _lastQueued = queued;
        }

        if (Evaluate(_pendingInvites()) == OverloadTransition.None && _overloaded)
        {
            _share.Adjust(_detector.AnySignalHigh);
        }
    }

    private OverloadTransition Evaluate(long pendingInvites)
    {
        OverloadTransition change;
        OverloadSample sample;
        TimeSpan now = _time.GetElapsedTime(0);
        lock (_gate)
        {
            sample = new OverloadSample(_lastDelay, _lastQueued, pendingInvites, _lastBacklog);
            change = _detector.Update(sample, now);
            if (change == OverloadTransition.Entered)
            {
                _overloaded = true;
                Interlocked.Increment(ref _episodes);
                _episodeRejectedStart = Interlocked.Read(ref _rejected);
                _share.Enter();
            }
            else if (change == OverloadTransition.Left)
            {
                _overloaded = false;
                _share.Leave();
            }
        }

        if (change == OverloadTransition.Entered)
        {
            LogEntered(_detector.Cause, sample.QueueDelay.TotalMilliseconds, sample.ReceiveBacklog.TotalMilliseconds, sample.PendingInvites, sample.QueuedWorkItems, RetryAfterSeconds);
        }
        else if (change == OverloadTransition.Left)
        {
            LogLeft((now - _detector.EpisodeStart).TotalSeconds, Interlocked.Read(ref _rejected) - _episodeRejectedStart);
        }

        return change;
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overload ({Cause}): refusing new requests with 503 Retry-After {RetryAfter} (queue delay {DelayMs:0} ms, receive backlog {BacklogMs:0} ms, {Invites} INVITEs pending, {Queued} work items queued)")]
    private partial void LogEntered(string cause, double delayMs, double backlogMs, long invites, long queued, int retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overload ended after {Seconds:0.0} s: {Rejected} requests refused with 503")]
    private partial void LogLeft(double seconds, long rejected);
}
