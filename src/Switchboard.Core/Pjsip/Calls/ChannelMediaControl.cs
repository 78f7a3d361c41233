using Microsoft.Extensions.Logging;
using Switchboard.Dialplan.Execution;
using Switchboard.Media.Players;
using Switchboard.Media.Relay;
using MediaPlayback = Switchboard.Media.Players.PlaybackResult;
using MediaPlaybackStatus = Switchboard.Media.Players.PlaybackStatus;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// The dialplan's view of one channel's relayed media (the RTP leg the channel owns): sound files played as 20 ms
/// frames in the leg's negotiated codec, RFC 4733 (and SIP INFO) digits queued for WaitExten/Read or interrupting a
/// prompt, Echo, and music on hold. Digits are reported once per event (at its end). A digit that arrives while a
/// prompt plays and is not one of its stop digits is discarded, as Asterisk's Playback does; otherwise digits wait
/// in a short queue for the next application that reads them.
/// </summary>
internal sealed class ChannelMediaControl : IDtmfListener, IDisposable
{
    private const int MaxQueuedDigits = 32;

    private readonly RtpLeg _leg;
    private readonly ChannelMediaOptions _options;
    private readonly Task _hungUp;
    private readonly string _name;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly Queue<char> _digits = new();
    private TaskCompletionSource<char>? _digitWaiter;
    private TaskCompletionSource? _echoDone;
    private TaskCompletionSource<char>? _recordDigit;
    private string _recordStopDigits = string.Empty;
    private PromptPlayer? _player;
    private string? _playerCodec;
    private int _playerPayloadType = -1;
    private MusicOnHoldPlayer? _music;
    private string _stopDigits = string.Empty;
    private bool _playing;
    private bool _disposed;

    public ChannelMediaControl(RtpLeg leg, ChannelMediaOptions options, Task hungUp, string channelName, ILogger log)
    {
        _leg = leg;
        _options = options;
        _hungUp = hungUp;
        _name = channelName;
        _log = log;
        leg.DtmfListener = this;
    }

    /// <summary>Digits waiting to be read.</summary>
    public int QueuedDigits
    {
        get
        {
            lock (_gate)
            {
                return _digits.Count;
            }
        }
    }

    public bool IsMusicPlaying => Volatile.Read(ref _music) is { IsRunning: true };

    /// <summary>Plays one sound file (resolved by <paramref name="language"/> and format); see <see cref="IDialplanChannel.PlayAsync"/>.</summary>
    public async ValueTask<Switchboard.Dialplan.Execution.PlaybackResult> PlayAsync(string file, string stopDigits, string language, CancellationToken cancellationToken)
    {
        if (_hungUp.IsCompleted)
        {
            return Switchboard.Dialplan.Execution.PlaybackResult.HungUp;
        }

        if (_leg.Media is not { } media)
        {
            MediaLog.PlaybackFailed(_log, _name, file, "no media negotiated on the channel");
            return Switchboard.Dialplan.Execution.PlaybackResult.NotFound;
        }

        var player = GetPlayer(media.Primary, out var error);
        if (player is null)
        {
            MediaLog.PlaybackFailed(_log, _name, file, error ?? "codec unavailable");
            return Switchboard.Dialplan.Execution.PlaybackResult.NotFound;
        }

        if (!_options.Sounds.TryResolve(file, language, player.SampleRate, out var clips, out error, media.Primary.Name))
        {
            MediaLog.PlaybackFailed(_log, _name, file, error ?? "not found");
            return Switchboard.Dialplan.Execution.PlaybackResult.NotFound;
        }

        Task<MediaPlayback> playing;
        lock (_gate)
        {
            if (stopDigits.Length > 0 && TakeQueued(stopDigits) is char early)
            {
                // A digit typed before the prompt started interrupts it at once (it was queued for this reader).
                return Switchboard.Dialplan.Execution.PlaybackResult.InterruptedBy(early);
            }

            if (stopDigits.Length == 0)
            {
                _digits.Clear();
            }

            _music = null;
            _stopDigits = stopDigits;
            _playing = true;
            playing = player.PlayAsync(clips, stopDigits, loop: false, CancellationToken.None);
        }

        try
        {
            using var reg = cancellationToken.Register(static p => ((PromptPlayer)p!).Stop(), player);
            var first = await Task.WhenAny(playing, _hungUp).ConfigureAwait(false);
            if (first != playing)
            {
                player.Stop();
                return Switchboard.Dialplan.Execution.PlaybackResult.HungUp;
            }

            var result = await playing.ConfigureAwait(false);
            if (_log.IsEnabled(LogLevel.Debug))
            {
                MediaLog.Played(_log, _name, file, result.FramesSent, result.Status.ToString());
            }

            return result.Status switch
            {
                MediaPlaybackStatus.Interrupted when result.Digit is char d => Switchboard.Dialplan.Execution.PlaybackResult.InterruptedBy(d),
                MediaPlaybackStatus.Failed => Switchboard.Dialplan.Execution.PlaybackResult.NotFound,
                _ when _hungUp.IsCompleted => Switchboard.Dialplan.Execution.PlaybackResult.HungUp,
                _ => Switchboard.Dialplan.Execution.PlaybackResult.Completed,
            };
        }
        finally
        {
            lock (_gate)
            {
                _playing = false;
                _stopDigits = string.Empty;
            }
        }
    }

    /// <summary>The next digit (queued or arriving within <paramref name="timeout"/>).</summary>
    public async ValueTask<DigitResult> WaitForDigitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource<char> waiter;
        lock (_gate)
        {
            if (_digits.Count > 0)
            {
                return DigitResult.Of(_digits.Dequeue());
            }

            if (_hungUp.IsCompleted)
            {
                return DigitResult.HungUp;
            }

            waiter = new TaskCompletionSource<char>(TaskCreationOptions.RunContinuationsAsynchronously);
            _digitWaiter = waiter;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var delay = timeout > TimeSpan.Zero ? Task.Delay(timeout, time, cts.Token) : Task.CompletedTask;
            await Task.WhenAny(waiter.Task, _hungUp, delay).ConfigureAwait(false);
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            lock (_gate)
            {
                if (ReferenceEquals(_digitWaiter, waiter))
                {
                    _digitWaiter = null;
                }
            }
        }

        if (waiter.Task.IsCompletedSuccessfully)
        {
            return DigitResult.Of(waiter.Task.Result);
        }

        return _hungUp.IsCompleted ? DigitResult.HungUp : DigitResult.Timeout;
    }

    /// <summary>Echoes everything received back to the caller until '#' (returned) or hang-up.</summary>
    public async ValueTask<DigitResult> EchoAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var echo = new Echo();
        lock (_gate)
        {
            _digits.Clear();
            _echoDone = done;
        }

        StopMusic();
        _leg.Handler = echo;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(done.Task, _hungUp, Task.Delay(Timeout.InfiniteTimeSpan, cts.Token)).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(_leg.Handler, echo))
            {
                _leg.Handler = null;
            }

            lock (_gate)
            {
                _echoDone = null;
            }
        }

        return done.Task.IsCompleted && !_hungUp.IsCompleted ? DigitResult.Of('#') : DigitResult.HungUp;
    }

    /// <summary>Records the caller's audio into a WAV file (see <see cref="IRecordingChannel.RecordAsync"/>).</summary>
    public async ValueTask<RecordingOutcome> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        if (_hungUp.IsCompleted)
        {
            return new RecordingOutcome(RecordingStop.HungUp, TimeSpan.Zero, '\0', null);
        }

        if (_leg.Media is not { } media || !_options.Codecs.TryCreate(media.Primary.Name, out var decoder))
        {
            return RecordingOutcome.Failed("no media codec to record from");
        }

        Recorder recorder;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.Path))!);
            recorder = new Recorder(request.Path, decoder, request.MaxDuration, request.Silence, request.SilenceThreshold);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            decoder.Dispose();
            return RecordingOutcome.Failed(ex.Message);
        }

        var digit = new TaskCompletionSource<char>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _digits.Clear();
            _recordStopDigits = request.StopDigits;
            _recordDigit = digit;
        }

        StopMusic();
        _leg.Handler = recorder;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(recorder.Completion, digit.Task, _hungUp, Task.Delay(Timeout.InfiniteTimeSpan, cts.Token)).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(_leg.Handler, recorder))
            {
                _leg.Handler = null;
            }

            lock (_gate)
            {
                _recordDigit = null;
                _recordStopDigits = string.Empty;
            }

            recorder.Dispose();
        }

        var result = await recorder.Completion.ConfigureAwait(false);
        var stop = digit.Task.IsCompletedSuccessfully ? RecordingStop.Digit
            : result.End == RecordingEnd.Silence ? RecordingStop.Silence
            : result.End == RecordingEnd.MaxDuration ? RecordingStop.MaxDuration
            : RecordingStop.HungUp;
        if (request.GainDb != 0)
        {
            Switchboard.Core.Voicemail.WavGain.TryApply(request.Path, request.GainDb, out _);
        }

        return new RecordingOutcome(stop, result.Duration, digit.Task.IsCompletedSuccessfully ? digit.Task.Result : '\0', null);
    }

    /// <summary>Starts music on hold (class <paramref name="className"/>, else "default"); false with a reason when it cannot play.</summary>
    public bool StartMusic(string? className, out string? error)
    {
        var musicClass = _options.FindMusicClass(className);
        if (musicClass is null)
        {
            error = $"no music on hold class '{className}' (and no 'default') in musiconhold.conf";
            MediaLog.MusicFailed(_log, _name, error);
            return false;
        }

        if (_leg.Media is not { } media || GetPlayer(media.Primary, out error) is not { } player)
        {
            error = "no media negotiated on the channel";
            MediaLog.MusicFailed(_log, _name, error);
            return false;
        }

        var music = new MusicOnHoldPlayer(musicClass, player, _options.Sounds.Cache);
        if (!music.Start(out error))
        {
            MediaLog.MusicFailed(_log, _name, error ?? "?");
            return false;
        }

        Volatile.Write(ref _music, music);
        MediaLog.MusicStarted(_log, _name, musicClass.Name);
        return true;
    }

    public void StopMusic()
    {
        Interlocked.Exchange(ref _music, null)?.Stop();
    }

    /// <summary>A digit from SIP INFO (application/dtmf-relay or application/dtmf).</summary>
    public void OnInfoDigit(char digit) => OnDigit(digit, "SIP INFO");

    void IDtmfListener.OnDtmfBegin(RtpLeg leg, char digit)
    {
    }

    void IDtmfListener.OnDtmfEnd(RtpLeg leg, char digit, int durationMs) => OnDigit(digit, "RFC 4733");

    private void OnDigit(char digit, string source)
    {
        MediaLog.DtmfReceived(_log, _name, digit, source);
        if (_leg.Handler is RtpRelay)
        {
            // Bridged: the digit goes through to the other party (the relay forwards telephone-event); it is not
            // kept for the dialplan, as in Asterisk.
            return;
        }

        TaskCompletionSource<char>? waiter = null;
        TaskCompletionSource? echo = null;
        PromptPlayer? interrupt = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_recordDigit is not null)
            {
                if (!_recordStopDigits.Contains(digit, StringComparison.Ordinal))
                {
                    return;
                }

                waiter = _recordDigit;
                _recordDigit = null;
            }
            else if (_echoDone is not null)
            {
                if (digit != '#')
                {
                    return;
                }

                echo = _echoDone;
                _echoDone = null;
            }
            else if (_playing)
            {
                if (_stopDigits.Contains(digit, StringComparison.Ordinal))
                {
                    interrupt = _player;
                }
            }
            else if (_digitWaiter is not null)
            {
                waiter = _digitWaiter;
                _digitWaiter = null;
            }
            else if (_digits.Count < MaxQueuedDigits)
            {
                _digits.Enqueue(digit);
            }
        }

        interrupt?.OnDtmf(digit);
        waiter?.TrySetResult(digit);
        echo?.TrySetResult();
    }

    private char? TakeQueued(string stopDigits)
    {
        while (_digits.Count > 0)
        {
            char d = _digits.Dequeue();
            if (stopDigits.Contains(d, StringComparison.Ordinal))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The player for the leg's current codec (rebuilt after a re-negotiation changed it).</summary>
    private PromptPlayer? GetPlayer(RtpCodecBinding codec, out string? error)
    {
        lock (_gate)
        {
            if (_player is not null && string.Equals(_playerCodec, codec.Name, StringComparison.OrdinalIgnoreCase) && _playerPayloadType == codec.OutgoingPayloadType)
            {
                error = null;
                return _player;
            }

            if (!_options.Codecs.TryCreate(codec.Name, out var encoder))
            {
                error = $"codec {codec.Name} is not available for prompts";
                return null;
            }

            _player?.Dispose();
            _player = new PromptPlayer(_options.Wheel, _leg, encoder, codec.OutgoingPayloadType);
            _playerCodec = codec.Name;
            _playerPayloadType = codec.OutgoingPayloadType;
            error = null;
            return _player;
        }
    }

    public void Dispose()
    {
        PromptPlayer? player;
        TaskCompletionSource<char>? waiter;
        lock (_gate)
        {
            _disposed = true;
            player = _player;
            _player = null;
            waiter = _digitWaiter;
            _digitWaiter = null;
        }

        StopMusic();
        player?.Dispose();
        waiter?.TrySetCanceled();
        if (ReferenceEquals(_leg.DtmfListener, this))
        {
            _leg.DtmfListener = null;
        }
    }
}
