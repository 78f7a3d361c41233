using Switchboard.Common.Timing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;

namespace Switchboard.Media.Players;

/// <summary>
/// Plays clips to a channel as 20 ms RTP frames paced on the timing wheel. Frame n is due at start + n × 20 ms
/// (absolute deadlines, so timer lateness never accumulates into drift; a late tick sends the frames that are due,
/// at most <see cref="MaxBurst"/>). The last partial frame is padded with silence. A digit from the interrupt set
/// (Background, or Playback's skip keys) stops playback and is returned. One player per channel; it owns the
/// encoder and the packet buffer, so frames are produced without allocation (the wheel allocates one entry per tick).
/// </summary>
public sealed class PromptPlayer : IDisposable
{
    public const int FrameMilliseconds = 20;
    public const int MaxBurst = 5;

    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(FrameMilliseconds);

    private readonly TimingWheel _wheel;
    private readonly IRtpSender _output;
    private readonly IAudioCodec _encoder;
    private readonly int _payloadType;
    private readonly RtpPacketizer _packetizer;
    private readonly Lock _gate = new();
    private readonly byte[] _packet = new byte[1500];
    private readonly short[] _frame;
    private readonly int _samplesPerFrame;
    private readonly int _timestampPerFrame;
    private IAudioClipSource? _source;
    private AudioClip? _current;
    private TaskCompletionSource<PlaybackResult>? _done;
    private TimerHandle _timer;
    private string _interrupt = string.Empty;
    private int _offset;
    private long _start;
    private long _framesDue;
    private int _framesSent;
    private bool _marker;

    /// <param name="encoder">The channel's codec (owned by the player).</param>
    /// <param name="payloadType">The payload type negotiated for that codec.</param>
    public PromptPlayer(TimingWheel wheel, IRtpSender output, IAudioCodec encoder, int payloadType, RtpPacketizer? packetizer = null)
    {
        _wheel = wheel ?? throw new ArgumentNullException(nameof(wheel));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _payloadType = payloadType;
        _packetizer = packetizer ?? new RtpPacketizer();
        _samplesPerFrame = encoder.Info.SampleRate / 50;
        _timestampPerFrame = encoder.Info.RtpClockRate / 50;
        _frame = new short[_samplesPerFrame];
    }

    /// <summary>PCM rate clips must have (the encoder's).</summary>
    public int SampleRate => _encoder.Info.SampleRate;

    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _done is not null;
            }
        }
    }

    /// <summary>
    /// Plays <paramref name="clips"/> one after the other (all at <see cref="SampleRate"/>). With
    /// <paramref name="loop"/> it starts over until stopped. A playback already running is stopped.
    /// </summary>
    public Task<PlaybackResult> PlayAsync(IReadOnlyList<AudioClip> clips, string? interruptDigits = null, bool loop = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clips);
        foreach (var clip in clips)
        {
            CheckRate(clip);
        }

        return PlayAsync(new AudioClipList(clips, loop), interruptDigits, cancellationToken);
    }

    /// <summary>
    /// Plays what <paramref name="source"/> supplies until it returns null (or forever, for music on hold),
    /// joining clips without a gap. A playback already running is stopped.
    /// </summary>
    public Task<PlaybackResult> PlayAsync(IAudioClipSource source, string? interruptDigits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Stop();
        var done = new TaskCompletionSource<PlaybackResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _source = source;
            _current = null;
            _interrupt = interruptDigits ?? string.Empty;
            _offset = 0;
            _framesSent = 0;
            _framesDue = 0;
            _marker = true;
            _start = _wheel.TimeProvider.GetTimestamp();
            _done = done;
        }

        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(static s => ((PromptPlayer)s!).Stop(), this);
        }

        Tick();
        return done.Task;
    }

    /// <summary>Offers a received digit; ends the playback when it is in the interrupt set.</summary>
    public bool OnDtmf(char digit)
    {
        TaskCompletionSource<PlaybackResult>? done;
        int frames;
        lock (_gate)
        {
            if (_done is null || _interrupt.IndexOf(digit, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            done = Finish(out frames);
        }

        done?.TrySetResult(new PlaybackResult(PlaybackStatus.Interrupted, digit, frames, null));
        return true;
    }

    /// <summary>Stops a playback in progress (its task completes with <see cref="PlaybackStatus.Stopped"/>).</summary>
    public void Stop()
    {
        TaskCompletionSource<PlaybackResult>? done;
        int frames;
        lock (_gate)
        {
            done = Finish(out frames);
        }

        done?.TrySetResult(new PlaybackResult(PlaybackStatus.Stopped, null, frames, null));
    }

    private void Tick()
    {
        TaskCompletionSource<PlaybackResult>? finished = null;
        int frames = 0;
        lock (_gate)
        {
            if (_done is null)
            {
                return;
            }

            var time = _wheel.TimeProvider;
            long now = time.GetTimestamp();
            long due = (long)(time.GetElapsedTime(_start, now).Ticks / Frame.Ticks) + 1;
            if (due - _framesDue > MaxBurst)
            {
                // Far behind (the process stalled): do not flood the far end; shift the schedule instead.
                _start += (long)((due - _framesDue - MaxBurst) * Frame.TotalSeconds * time.TimestampFrequency);
                due = _framesDue + MaxBurst;
            }

            while (_framesDue < due)
            {
                if (!HasMore())
                {
                    break;
                }

                SendFrame();
                _framesDue++;
            }

            // The source is asked for the next clip only when its first frame is due, so the playback ends (and
            // a music-on-hold source moves on) exactly when the last frame's 20 ms have been played out.
            bool ended = _source is null && (_current is null || _offset >= _current.Samples.Length);
            if (ended && time.GetElapsedTime(_start, now) >= Frame * _framesDue)
            {
                finished = Finish(out frames);
            }
            else
            {
                ScheduleAt(_framesDue, now);
            }
        }

        finished?.TrySetResult(new PlaybackResult(PlaybackStatus.Completed, null, frames, null));
    }

    private void ScheduleAt(long frameIndex, long now)
    {
        var time = _wheel.TimeProvider;
        var delay = (Frame * frameIndex) - time.GetElapsedTime(_start, now);
        _timer = _wheel.Schedule(delay, static s => ((PromptPlayer)s!).Tick(), this);
    }

    private bool HasMore()
    {
        int empty = 0;
        while (_current is null || _offset >= _current.Samples.Length)
        {
            var next = _source?.Next();
            if (next is null || ++empty > 1000)
            {
                // End of the source (or a source that only supplies empty clips).
                _current = null;
                _source = null;
                return false;
            }

            _current = next.ResampleTo(SampleRate);
            _offset = 0;
        }

        return true;
    }

    private void CheckRate(AudioClip clip)
    {
        if (clip.SampleRate != SampleRate)
        {
            throw new ArgumentException($"clip {clip.Source} is {clip.SampleRate} Hz; the player needs {SampleRate} Hz (use ResampleTo)", nameof(clip));
        }
    }

    private void SendFrame()
    {
        // Fill one frame from the current clip (and the next ones, so clips join without gaps).
        int filled = 0;
        while (filled < _samplesPerFrame && HasMore())
        {
            var samples = _current!.Samples.Span;
            int n = Math.Min(_samplesPerFrame - filled, samples.Length - _offset);
            samples.Slice(_offset, n).CopyTo(_frame.AsSpan(filled));
            filled += n;
            _offset += n;
        }

        _frame.AsSpan(filled).Clear();
        var packet = _packet.AsSpan();
        if (!_encoder.TryEncode(_frame, packet[12..], out int bytes))
        {
            _packetizer.Skip(_timestampPerFrame);
            return;
        }

        int length = _packetizer.Write(packet, _payloadType, _marker, packet.Slice(12, bytes), _packetizer.Timestamp);
        _packetizer.Skip(_timestampPerFrame);
        _marker = false;
        _output.SendRtp(packet[..length]);
        _framesSent++;
    }

    private TaskCompletionSource<PlaybackResult>? Finish(out int frames)
    {
        frames = _framesSent;
        var done = _done;
        _done = null;
        _timer.Cancel();
        return done;
    }

    public void Dispose()
    {
        Stop();
        _encoder.Dispose();
    }
}
