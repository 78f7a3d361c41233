using Switchboard.Core.Channels;
using Switchboard.Core.Pjsip.Calls;
using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Local;

/// <summary>
/// One half of a Local channel pair (<c>Local/exten@context-XXXXXXXX;1</c> and <c>;2</c>): the ;2 half runs the
/// dialplan at exten@context; answering either half answers both, ringing on ;2 shows on ;1, and a hangup of
/// either half hangs up both (an answered ;1 running its own dialplan takes ;2's hangup at its current or next
/// media-reading application, see <see cref="HangupLocalSide"/>). Local channels carry no media of their own: a ;2 half dialled by a PJSIP caller answers,
/// rings, plays and reads digits through that caller (<see cref="LocalCallerSide"/>), the Local pair optimised away.
/// </summary>
public sealed class LocalChannel : Channel, IRecordingChannel
{
    private readonly ChannelRegistry _registry;
    private readonly Lock _pairGate;
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _hangup = new();
    private int _frameReads;
    private int _queuedHangupCause;

    private LocalChannel(ChannelRegistry registry, string baseName, int half, string resource, string key, Lock pairGate, TimeProvider time)
        : base(baseName + ";" + half.ToString(System.Globalization.CultureInfo.InvariantCulture), registry.NextUniqueId(), "Local", resource, key, time)
    {
        _registry = registry;
        _pairGate = pairGate;
        Half = half;
    }

    /// <summary>1 (the side the caller or originator holds) or 2 (the side that runs exten@context).</summary>
    public int Half { get; }

    public LocalChannel Other { get; private set; } = null!;

    /// <summary>
    /// On a ;2 half created by Dial(Local/...) from a PJSIP channel: that caller. A Dial(PJSIP/...) run by this half
    /// dials on the caller's behalf so media flows caller ↔ callee directly (Local optimisation).
    /// </summary>
    internal Pjsip.Calls.PjsipChannel? OptimizedCaller { get; set; }

    /// <summary>
    /// On ;1 of an originated pair whose ;2 Dialled a PJSIP device that answered: that device's channel, whose media
    /// ;1's applications use (see <see cref="LocalOriginDial"/>).
    /// </summary>
    internal PjsipChannel? MediaPeer { get; set; }

    /// <summary>On ;2 dialled by a PJSIP caller: its Progress() reached the caller (a 183), so its prompts are early media there.</summary>
    internal bool SentProgress { get; set; }

    /// <summary>The pair was requested by a Dial (Dial(Local/...)): ;1 is the dialled channel, ;2 a party A of its own for CDR.</summary>
    internal bool IsDialTarget { get; set; }

    /// <summary>On ;1: an originate runs dialplan on it once answered (not bridged to a caller).</summary>
    internal bool RunsOwnDialplan { get; set; }

    /// <summary>Completes when the pair is answered.</summary>
    public Task Answered => _answered.Task;

    /// <summary>Cancelled when this half hangs up.</summary>
    internal CancellationToken HangupToken => _hangup.Token;

    /// <summary>Creates the pair for <c>exten@context</c> (not yet in the registry).</summary>
    public static (LocalChannel One, LocalChannel Two) CreatePair(ChannelRegistry registry, string exten, string context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var resource = exten + "@" + context;
        var baseName = registry.NextName("Local", resource);
        var key = "local-" + Guid.NewGuid().ToString("N");
        var gate = new Lock();
        // Both halves start at exten@context priority 1 (ast_unreal_new_channels), so core show channels lists ;1 there too.
        var one = new LocalChannel(registry, baseName, 1, resource, key, gate, time) { Context = context, Exten = exten };
        var two = new LocalChannel(registry, baseName, 2, resource, key, gate, time) { Context = context, Exten = exten };
        one.Other = two;
        two.Other = one;
        two.LinkedId = one.LinkedId;
        one.State = ChannelState.Down;
        two.State = ChannelState.Ring;
        return (one, two);
    }

    /// <summary>Parses <c>exten@context[/n]</c> (the <c>/n</c> no-optimisation flag is accepted and ignored).</summary>
    public static bool TryParseResource(string resource, out string exten, out string context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var r = resource;
        int slash = r.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            r = r[..slash];
        }

        int at = r.IndexOf('@', StringComparison.Ordinal);
        exten = at < 0 ? r : r[..at];
        context = at < 0 ? "default" : r[(at + 1)..];
        return exten.Length > 0 && context.Length > 0;
    }

    public override ValueTask AnswerAsync(CancellationToken cancellationToken)
    {
        if (Half == 2 && OptimizedCaller is { } caller)
        {
            return LocalCallerSide.AnswerAsync(this, caller);
        }

        Answer();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken)
    {
        if (!EnterFrameRead())
        {
            return PlaybackResult.HungUp;
        }

        try
        {
            return CallerMedia() is { } media
                ? await LocalCallerSide.PlayAsync(this, media, file, stopDigits, cancellationToken).ConfigureAwait(false)
                : await base.PlayAsync(file, stopDigits, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitFrameRead();
        }
    }

    public override async ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!EnterFrameRead())
        {
            return DigitResult.HungUp;
        }

        try
        {
            return CallerMedia() is { } media
                ? await LocalCallerSide.WaitForDigitAsync(this, media, timeout, cancellationToken).ConfigureAwait(false)
                : await base.WaitForDigitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitFrameRead();
        }
    }

    public override async ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!EnterFrameRead())
        {
            return false;
        }

        try
        {
            return await base.WaitAsync(duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitFrameRead();
        }
    }

    public override async ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken)
    {
        if (!EnterFrameRead())
        {
            return DigitResult.HungUp;
        }

        try
        {
            return CallerMedia() is { } media
                ? await LocalCallerSide.EchoAsync(this, media, cancellationToken).ConfigureAwait(false)
                : await base.EchoAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitFrameRead();
        }
    }

    public async ValueTask<RecordingOutcome> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        if (!EnterFrameRead())
        {
            return RecordingOutcome.Failed("hung up");
        }

        try
        {
            return CallerMedia() is { } media
                ? await LocalCallerSide.RecordAsync(this, media, request, cancellationToken).ConfigureAwait(false)
                : RecordingOutcome.Failed("a Local channel records only through the PJSIP caller it answered");
        }
        finally
        {
            ExitFrameRead();
        }
    }

    public override ValueTask HangupAsync(int cause, CancellationToken cancellationToken)
    {
        HangupLocalSide(cause);
        return ValueTask.CompletedTask;
    }

    public override ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken)
    {
        if (Half == 2 && OptimizedCaller is { } caller && State != ChannelState.Up)
        {
            IndicatePair(indication);
            return LocalCallerSide.IndicateAsync(this, caller, indication);
        }

        IndicatePair(indication);
        return ValueTask.CompletedTask;
    }

    private void IndicatePair(ChannelIndication indication)
    {
        if (indication == ChannelIndication.Ringing)
        {
            lock (_pairGate)
            {
                if (!Other.IsHungUp && Other.State != ChannelState.Up)
                {
                    Other.State = ChannelState.Ringing;
                }
            }
        }
    }

    /// <summary>The PJSIP media this half acts through: its caller's (;2 owning it) or its answered device's (;1 of an originate).</summary>
    private ChannelMediaControl? CallerMedia()
    {
        if (Half == 2)
        {
            return OptimizedCaller is { } caller ? LocalCallerSide.MediaOf(this, caller) : null;
        }

        return MediaPeer is { IsHungUp: false } peer && !IsHungUp ? peer.MediaControl : null;
    }

    /// <summary>Both halves go up (once).</summary>
    public void Answer()
    {
        lock (_pairGate)
        {
            if (IsHungUp || State == ChannelState.Up)
            {
                return;
            }

            var now = Time.GetTimestamp();
            State = ChannelState.Up;
            AnsweredAt = now;
            Other.State = ChannelState.Up;
            Other.AnsweredAt = now;
        }

        _answered.TrySetResult();
        Other._answered.TrySetResult();
    }

    /// <summary>Hangs up both halves with <paramref name="cause"/>.</summary>
    public void HangupPair(int cause)
    {
        Release(cause);
        Other.Release(cause);
    }

    /// <summary>
    /// The ;2 half's dialplan ended after the pair was answered and ;1 runs its own dialplan (an originate or call
    /// file): only ;2 goes away. Asterisk queues the hangup to ;1 as a frame that only a frame-reading application
    /// notices, so ;1's Set/Gosub/MessageSend priorities still run (websmsd's call files rely on this).
    /// </summary>
    public void HangupLocalSide(int cause)
    {
        if (Half == 2 && Other.RunsOwnDialplan && Answered.IsCompleted && !Other.IsHungUp)
        {
            Release(cause);
            Other.QueueHangup(cause);
            return;
        }

        HangupPair(cause);
    }

    /// <summary>
    /// ;2 went away under an answered ;1 that runs its own dialplan (core_unreal queues a hangup frame with ;2's
    /// cause to ;1): an application of ;1 that waits on media (Wait, Playback, Read, WaitExten, Echo, Record ...)
    /// ends now and ;1 hangs up; if none is running, the next one that starts does.
    /// </summary>
    private void QueueHangup(int cause)
    {
        bool now;
        lock (_pairGate)
        {
            _queuedHangupCause = cause == 0 ? HangupCauseMapper.NormalClearing : cause;
            now = _frameReads > 0;
        }

        if (now)
        {
            Release(_queuedHangupCause);
        }
    }

    /// <summary>An application starts reading media on this half: false (and the half hangs up) when a hangup is queued.</summary>
    private bool EnterFrameRead()
    {
        int queued;
        lock (_pairGate)
        {
            queued = _queuedHangupCause;
            if (queued == 0)
            {
                if (IsHungUp)
                {
                    return false;
                }

                _frameReads++;
                return true;
            }
        }

        Release(queued);
        return false;
    }

    private void ExitFrameRead()
    {
        lock (_pairGate)
        {
            _frameReads--;
        }
    }

    private void Release(int cause)
    {
        if (MarkHungUp(cause))
        {
            _hangup.Cancel();
            _registry.Remove(this);
        }
    }
}
