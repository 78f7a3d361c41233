namespace Switchboard.Media.Codecs;

/// <summary>
/// One encoder/decoder instance for one stream (native codecs keep state, so a call leg owns its instance).
/// Encode takes a whole number of frames (<see cref="AudioCodecInfo.FrameSamples"/>); Decode takes one RTP payload.
/// Neither throws on bad input: they return false and write nothing usable.
/// </summary>
public interface IAudioCodec : IDisposable
{
    AudioCodecInfo Info { get; }

    /// <summary>Encodes PCM (16-bit, <see cref="AudioCodecInfo.SampleRate"/>) into one payload.</summary>
    bool TryEncode(ReadOnlySpan<short> pcm, Span<byte> payload, out int bytesWritten);

    /// <summary>Decodes one payload into PCM.</summary>
    bool TryDecode(ReadOnlySpan<byte> payload, Span<short> pcm, out int samplesWritten);
}
