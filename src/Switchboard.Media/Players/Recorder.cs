using Switchboard.Media.Codecs;
using Switchboard.Media.Relay;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Players;

/// <summary>
/// Records what a leg receives into a WAV file (for Record(), voicemail, MixMonitor's simple case): decodes each
/// audio packet with the leg's codec and appends it. Ends on <see cref="Stop"/>, after a maximum duration, or after
/// a stretch of silence following some sound (Record()'s silence option); durations are counted in samples, so no
/// clock is needed. telephone-event packets are not recorded (the channel's DTMF listener decides about '#').
/// </summary>
public sealed class Recorder : IRtpLegHandler, IDisposable
{
    private readonly IAudioCodec _decoder;
    private readonly WavWriter _writer;
    private readonly string _path;
    private readonly long _maxSamples;
    private readonly long _silenceSamples;
    private readonly int _silenceThreshold;
    private readonly short[] _pcm = new short[PcmTranscoder.MaxSamples];
    private readonly TaskCompletionSource<RecordingResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private long _quietRun;
    private bool _heardSound;
    private bool _finished;

    /// <param name="decoder">Decoder for the leg's codec (owned by the recorder).</param>
    /// <param name="maxDuration">Stop after this much audio; null for no limit.</param>
    /// <param name="silence">Stop after this much silence once sound was heard; null to ignore silence.</param>
    /// <param name="silenceThreshold">Peak amplitude below which a frame counts as silence (Asterisk's default 256).</param>
    public Recorder(string path, IAudioCodec decoder, TimeSpan? maxDuration = null, TimeSpan? silence = null, int silenceThreshold = 256)
    {
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _path = path;
        int rate = decoder.Info.SampleRate;
        _writer = new WavWriter(path, rate);
        _maxSamples = maxDuration is { } max ? (long)(max.TotalSeconds * rate) : long.MaxValue;
        _silenceSamples = silence is { } s ? (long)(s.TotalSeconds * rate) : long.MaxValue;
        _silenceThreshold = silenceThreshold;
    }

    public Task<RecordingResult> Completion => _done.Task;

    public TimeSpan Duration => _writer.Duration;

    public void OnRtp(RtpLeg leg, Span<byte> data, RtpPacket packet)
    {
        var media = leg.Media;
        if (media is not null && packet.PayloadType == media.TelephoneEventPayloadType)
        {
            return;
        }

        Append(packet.Payload);
    }

    public void OnRtcp(RtpLeg leg, Span<byte> data)
    {
    }

    /// <summary>Decodes one payload and appends it; public so tests and non-RTP sources can feed audio.</summary>
    public void Append(ReadOnlySpan<byte> payload)
    {
        RecordingEnd? end = null;
        lock (_gate)
        {
            if (_finished || !_decoder.TryDecode(payload, _pcm, out int n))
            {
                return;
            }

            long room = _maxSamples - _writer.SamplesWritten;
            int take = (int)Math.Min(n, room);
            _writer.Write(_pcm.AsSpan(0, take));
            if (take < n || _writer.SamplesWritten >= _maxSamples)
            {
                end = RecordingEnd.MaxDuration;
            }
            else if (IsQuiet(_pcm.AsSpan(0, n)))
            {
                _quietRun += n;
                if (_heardSound && _quietRun >= _silenceSamples)
                {
                    end = RecordingEnd.Silence;
                }
            }
            else
            {
                _heardSound = true;
                _quietRun = 0;
            }
        }

        if (end is { } reason)
        {
            Finish(reason);
        }
    }

    /// <summary>Ends the recording (idempotent) and closes the file.</summary>
    public void Stop() => Finish(RecordingEnd.Stopped);

    private void Finish(RecordingEnd end)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            _writer.Dispose();
        }

        _done.TrySetResult(new RecordingResult(end, _path, _writer.Duration));
    }

    private bool IsQuiet(ReadOnlySpan<short> pcm)
    {
        foreach (short s in pcm)
        {
            if (s > _silenceThreshold || s < -_silenceThreshold)
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        Stop();
        _decoder.Dispose();
    }
}
