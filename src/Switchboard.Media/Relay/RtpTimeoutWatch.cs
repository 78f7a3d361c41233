using Switchboard.Common.Timing;

namespace Switchboard.Media.Relay;

/// <summary>
/// Endpoint rtp_timeout / rtp_timeout_hold: reports a leg once when no RTP arrived for the timeout (Asterisk then
/// hangs the channel up). Checks on the timing wheel at the moment the timeout could expire, so a healthy call
/// costs one wheel entry per timeout period. Restart it (with the hold timeout) on hold/resume.
/// </summary>
public sealed class RtpTimeoutWatch : IDisposable
{
    private readonly RtpLeg _leg;
    private readonly TimingWheel _wheel;
    private readonly IRtpTimeoutListener _listener;
    private readonly Lock _gate = new();
    private TimeSpan _timeout;
    private TimerHandle _timer;
    private long _since;
    private bool _running;

    public RtpTimeoutWatch(RtpLeg leg, TimingWheel wheel, IRtpTimeoutListener listener)
    {
        _leg = leg ?? throw new ArgumentNullException(nameof(leg));
        _wheel = wheel ?? throw new ArgumentNullException(nameof(wheel));
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
    }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Starts (or restarts) watching with <paramref name="timeout"/>; silence is counted from now at the earliest.</summary>
    public void Start(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        // Packets forwarded by the kernel reach the leg only as counters read every few seconds: the relay hands the
        // flow over again (with a counter listener) if the timeout is long enough for that.
        (_leg.Handler as RtpRelay)?.ReleaseKernel();
        lock (_gate)
        {
            _timer.Cancel();
            _timeout = timeout;
            _since = _wheel.TimeProvider.GetTimestamp();
            _running = true;
            _leg.WatchTimeout = timeout;
            _timer = _wheel.Schedule(timeout, static s => ((RtpTimeoutWatch)s!).Check(), this);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            _leg.WatchTimeout = TimeSpan.Zero;
            _timer.Cancel();
        }
    }

    private void Check()
    {
        TimeSpan silence;
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            var time = _wheel.TimeProvider;
            long last = Math.Max(_leg.LastReceivedTimestamp, _since);
            silence = time.GetElapsedTime(last);
            if (silence < _timeout)
            {
                _timer = _wheel.Schedule(_timeout - silence, static s => ((RtpTimeoutWatch)s!).Check(), this);
                return;
            }

            _running = false;
            _leg.WatchTimeout = TimeSpan.Zero;
        }

        _listener.OnRtpTimeout(_leg, silence);
    }

    public void Dispose() => Stop();
}
