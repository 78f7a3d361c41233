namespace Switchboard.Media.Codecs;

/// <summary>
/// Static facts about a codec: Asterisk name, PCM sample rate of Encode/Decode, RTP clock rate, samples per codec
/// frame, the largest encoded frame in bytes, the static RTP payload type (-1 when dynamic) and whether it needs a
/// native library.
/// </summary>
public sealed record AudioCodecInfo(
    string Name,
    int SampleRate,
    int RtpClockRate,
    int FrameSamples,
    int MaxFrameBytes,
    int StaticPayloadType,
    bool IsNative)
{
    /// <summary>Samples in 20 ms at <see cref="SampleRate"/>.</summary>
    public int SamplesPer20Ms => SampleRate / 50;

    /// <summary>RTP timestamp units in 20 ms.</summary>
    public int TimestampUnitsPer20Ms => RtpClockRate / 50;
}
