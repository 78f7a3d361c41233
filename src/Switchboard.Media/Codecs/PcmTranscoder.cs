namespace Switchboard.Media.Codecs;

/// <summary>
/// The general path: decode to signed linear, resample linearly when the PCM rates differ, encode whole frames of
/// the target codec and carry leftover samples to the next payload. Buffers are allocated once per instance.
/// </summary>
public sealed class PcmTranscoder : ITranscoder
{
    /// <summary>Largest decoded payload handled: 120 ms at 48 kHz.</summary>
    public const int MaxSamples = 5760;

    private readonly IAudioCodec _decoder;
    private readonly IAudioCodec _encoder;
    private readonly LinearResampler? _resampler;
    private readonly short[] _decoded = new short[MaxSamples];
    private readonly short[] _pending;
    private int _pendingCount;

    public PcmTranscoder(IAudioCodec decoder, IAudioCodec encoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(encoder);
        _decoder = decoder;
        _encoder = encoder;
        if (decoder.Info.SampleRate != encoder.Info.SampleRate)
        {
            _resampler = new LinearResampler(decoder.Info.SampleRate, encoder.Info.SampleRate);
        }

        _pending = new short[(MaxSamples * 2) + encoder.Info.FrameSamples];
        Path = _resampler is null
            ? $"{From} -> slin{Suffix(decoder.Info.SampleRate)} -> {To}"
            : $"{From} -> slin{Suffix(decoder.Info.SampleRate)} -> slin{Suffix(encoder.Info.SampleRate)} -> {To}";
    }

    public string From => _decoder.Info.Name;

    public string To => _encoder.Info.Name;

    public string Path { get; }

    public bool TryTranscode(ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        written = 0;
        if (!_decoder.TryDecode(input, _decoded, out int decoded))
        {
            return false;
        }

        int room = _pending.Length - _pendingCount;
        int added;
        if (_resampler is null)
        {
            added = Math.Min(decoded, room);
            _decoded.AsSpan(0, added).CopyTo(_pending.AsSpan(_pendingCount));
        }
        else
        {
            added = _resampler.Process(_decoded.AsSpan(0, decoded), _pending.AsSpan(_pendingCount, room));
        }

        _pendingCount += added;
        int frame = _encoder.Info.FrameSamples;
        int usable = _pendingCount - (_pendingCount % frame);
        if (usable == 0)
        {
            return true;
        }

        if (!_encoder.TryEncode(_pending.AsSpan(0, usable), output, out written))
        {
            _pendingCount = 0;
            return false;
        }

        int left = _pendingCount - usable;
        _pending.AsSpan(usable, left).CopyTo(_pending);
        _pendingCount = left;
        return true;
    }

    public void Dispose()
    {
        _decoder.Dispose();
        _encoder.Dispose();
    }

    private static string Suffix(int rate) => rate == 8000 ? string.Empty : (rate / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
