using Switchboard.Dialplan.Execution;
using Switchboard.Dialplan.Variables;
using Switchboard.Media.Relay;

namespace Switchboard.Core.Channels;

/// <summary>
/// One call leg in Asterisk's sense (<c>PJSIP/alice-00000001</c>): identity, state, caller id, variables and hangup
/// cause, plus the dialplan position shown by <c>core show channels</c>. The technology driver (PJSIP) derives from
/// it and implements answer, hangup and indications. State is changed on the call's serializer key; readers (CLI)
/// see plain snapshots of the fields.
/// </summary>
public abstract class Channel : IDialplanChannel
{
    private readonly TaskCompletionSource _hungUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DialplanPosition? _atHangup;
    private int _hangupCause;
    private ChannelState _state = ChannelState.Down;

    protected Channel(string name, string uniqueId, string technology, string resource, string callKey, TimeProvider time)
    {
        Name = name;
        UniqueId = uniqueId;
        Technology = technology;
        Resource = resource;
        CallKey = callKey;
        Time = time;
        Created = time.GetTimestamp();
        LinkedId = uniqueId;
    }

    /// <summary>The unique id of the call this channel belongs to (the first channel's; Asterisk's Linkedid).</summary>
    public string LinkedId { get; set; }

    /// <summary>The registry this channel was added to (lifecycle observers: AMI events, CDR, hints).</summary>
    internal ChannelRegistry? Registry { get; set; }

    public string Name { get; }

    public string UniqueId { get; }

    /// <summary>"PJSIP".</summary>
    public string Technology { get; }

    /// <summary>The endpoint name.</summary>
    public string Resource { get; }

    /// <summary>The serializer key all state of this call is touched on (the inbound leg's Call-ID).</summary>
    public string CallKey { get; }

    public TimeProvider Time { get; }

    /// <summary>Timestamp of creation (TimeProvider ticks).</summary>
    public long Created { get; }

    /// <summary>Timestamp when answered, 0 before.</summary>
    public long AnsweredAt { get; protected set; }

    public ChannelVariables Variables { get; } = new();

    public ChannelState State
    {
        get => _state;
        protected set
        {
            if (_state == value)
            {
                return;
            }

            _state = value;
            if (value != ChannelState.Down)
            {
                Registry?.NotifyStateChanged(this);
            }
        }
    }

    public bool IsHungUp => _hungUp.Task.IsCompleted;

    /// <summary>Completes when the channel has hung up.</summary>
    public Task HungUp => _hungUp.Task;

    public int HangupCause
    {
        get => Volatile.Read(ref _hangupCause);
        set => Volatile.Write(ref _hangupCause, value);
    }

    public string Language { get; set; } = "en";

    public CallerIdInfo CallerId { get; set; } = CallerIdInfo.Empty;

    /// <summary>Where the dialplan is (for <c>core show channels</c>).</summary>
    public string Context { get; set; } = string.Empty;

    public string Exten { get; set; } = string.Empty;

    public int Priority { get; set; } = 1;

    /// <summary>Application running now and its data (e.g. Dial, PJSIP/bob).</summary>
    public string Application { get; set; } = string.Empty;

    public string ApplicationData { get; set; } = string.Empty;

    /// <summary>The last application the dialplan ran on this channel and its data (CDR lastapp/lastdata).</summary>
    public string LastApplication { get; set; } = string.Empty;

    public string LastApplicationData { get; set; } = string.Empty;

    /// <summary>
    /// Where the dialplan was when the channel hung up, before its h extension or hangup handlers ran (CDR dst,
    /// dcontext, lastapp, lastdata); null while the channel is up.
    /// </summary>
    public DialplanPosition? PositionAtHangup => Volatile.Read(ref _atHangup);

    /// <summary>Where the dialplan is now, or was when the channel hung up.</summary>
    public DialplanPosition PositionForRecord => PositionAtHangup ?? new DialplanPosition(Context, Exten, LastApplication, LastApplicationData);

    /// <summary>The channel this one is bridged to, if any.</summary>
    public Channel? BridgedTo { get; set; }

    /// <summary>The bridge this channel is in, if any.</summary>
    public string? BridgeId { get; set; }

    /// <summary>The channel's RTP leg when the PBX relays its media (null with direct media or before SDP).</summary>
    public virtual RtpLeg? Rtp => null;

    /// <summary>Account code (CDR).</summary>
    public string AccountCode { get; set; } = string.Empty;

    /// <summary>Time since creation.</summary>
    public TimeSpan Age => Time.GetElapsedTime(Created);

    public virtual string? ReadItem(string item) => null;

    public virtual bool WriteItem(string item, string value) => false;

    public abstract ValueTask AnswerAsync(CancellationToken cancellationToken);

    public abstract ValueTask HangupAsync(int cause, CancellationToken cancellationToken);

    public abstract ValueTask IndicateAsync(ChannelIndication indication, CancellationToken cancellationToken);

    /// <summary>Sound files are not played by this driver yet: reported as not found.</summary>
    public virtual ValueTask<PlaybackResult> PlayAsync(string file, string stopDigits, CancellationToken cancellationToken)
        => ValueTask.FromResult(IsHungUp ? PlaybackResult.HungUp : PlaybackResult.NotFound);

    public virtual async ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        => await WaitAsync(timeout, cancellationToken).ConfigureAwait(false) ? DigitResult.Timeout : DigitResult.HungUp;

    public virtual async ValueTask<bool> WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (IsHungUp)
        {
            return false;
        }

        if (duration > TimeSpan.Zero)
        {
            await Task.WhenAny(HungUp, Task.Delay(duration, Time, cancellationToken)).ConfigureAwait(false);
        }

        return !IsHungUp;
    }

    public virtual async ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAny(HungUp, Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken)).ConfigureAwait(false);
        return DigitResult.HungUp;
    }

    /// <summary>Marks the channel hung up with <paramref name="cause"/> (first cause wins). True the first time.</summary>
    protected bool MarkHungUp(int cause)
    {
        if (HangupCause == 0)
        {
            HangupCause = cause;
        }

        if (!IsHungUp)
        {
            // Taken before the hang-up is visible: the h extension may start as soon as it is.
            Interlocked.CompareExchange(ref _atHangup, new DialplanPosition(Context, Exten, LastApplication, LastApplicationData), null);
        }

        State = ChannelState.Down;
        return _hungUp.TrySetResult();
    }

    /// <summary>Asterisk's state text (Down, Ring, Ringing, Up ...).</summary>
    public string StateText => State switch
    {
        ChannelState.Rsrvd => "Rsrvd",
        ChannelState.OffHook => "OffHook",
        ChannelState.Dialing => "Dialing",
        ChannelState.Ring => "Ring",
        ChannelState.Ringing => "Ringing",
        ChannelState.Up => "Up",
        ChannelState.Busy => "Busy",
        _ => "Down",
    };

    public override string ToString() => Name;
}
