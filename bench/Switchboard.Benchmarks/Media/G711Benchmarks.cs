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

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }

        MuLaw.Encode(_pcm, _mu);
    }

    [Benchmark]
    public void MuLawToALawFrame() => G711Transcoding.MuLawToALaw(_mu, _a);

    [Benchmark]
    public void MuLawDecodeFrame() => MuLaw.Decode(_mu, _pcm);

    [Benchmark]
    public void MuLawEncodeFrame() => MuLaw.Encode(_pcm, _mu);

    [Benchmark]
    public void ALawEncodeFrame() => ALaw.Encode(_pcm, _a);
}
