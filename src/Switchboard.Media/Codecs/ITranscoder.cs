namespace Switchboard.Media.Codecs;

/// <summary>Converts RTP payloads of one codec into payloads of another, for one direction of one call.</summary>
public interface ITranscoder : IDisposable
{
    string From { get; }

    string To { get; }

    /// <summary>Human-readable steps, e.g. "ulaw -> alaw (table)" or "gsm -> slin -> ulaw".</summary>
    string Path { get; }

    /// <summary>
    /// Transcodes one payload. Writes nothing (written 0, still true) when the input only filled the carry buffer
    /// and no whole output frame is ready yet; false when the input could not be decoded.
    /// </summary>
    bool TryTranscode(ReadOnlySpan<byte> input, Span<byte> output, out int written);
}
