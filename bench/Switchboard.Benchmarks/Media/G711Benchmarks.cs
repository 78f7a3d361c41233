using BenchmarkDotNet.Attributes;
using Switchboard.Media.Codecs;

namespace Switchboard.Benchmarks.Media;

/// <summary>G.711 per 20 ms frame (160 samples / bytes).</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _pcm = new short[160];
    private readonly byte[] _mu = new byte[160];
    private readonly byte[] _a = new byte[160];
    private readonly byte[] _out = new byte[160];
    private readonly G711Transcoder _muToA = new(muLawToALaw: true);
    private readonly G711Transcoder _aToMu = new(muLawToALaw: false);

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        MuLaw.Encode(_pcm, _mu);
        ALaw.Encode(_pcm, _a);
    }

    [Benchmark]
    public void MuLawToALawFrame() => G711Transcoding.MuLawToALaw(_mu, _a);

    [Benchmark]
    public void ALawToMuLawFrame() => G711Transcoding.ALawToMuLaw(_a, _mu);

    /// <summary>The bridge's path (ITranscoder, as RtpForwarder calls it) µ-law → A-law per 20 ms frame.</summary>
    [Benchmark]
    public int TranscoderMuLawToALawFrame() => _muToA.TryTranscode(_mu, _out, out int n) ? n : -1;

    [Benchmark]
    public int TranscoderALawToMuLawFrame() => _aToMu.TryTranscode(_a, _out, out int n) ? n : -1;

    [Benchmark]
    public void MuLawDecodeFrame() => MuLaw.Decode(_mu, _pcm);

    [Benchmark]
    public void MuLawEncodeFrame() => MuLaw.Encode(_pcm, _mu);

    [Benchmark]
    public void ALawEncodeFrame() => ALaw.Encode(_pcm, _a);
}
