namespace Switchboard.Media.Codecs;

/// <summary>µ-law ↔ A-law by direct table (one lookup per byte; output length = input length).</summary>
public sealed class G711Transcoder : ITranscoder
{
    private readonly bool _muToA;

    public G711Transcoder(bool muLawToALaw) => _muToA = muLawToALaw;

    public string From => _muToA ? "ulaw" : "alaw";

    public string To => _muToA ? "alaw" : "ulaw";

    public string Path => $"{From} -> {To} (table)";

    public bool TryTranscode(ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        if (output.Length < input.Length)
        {
            written = 0;
            return false;
        }

        if (_muToA)
        {
            G711Transcoding.MuLawToALaw(input, output);
        }
        else
        {
            G711Transcoding.ALawToMuLaw(input, output);
        }

        written = input.Length;
        return true;
    }

    public void Dispose()
    {
    }
}
