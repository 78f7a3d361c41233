using System.Buffers.Binary;

namespace Switchboard.Media.Players;

/// <summary>
/// Writes a 16-bit mono PCM WAV file (Asterisk's "wav" format at 8 kHz, "wav16" at 16 kHz). The RIFF and data
/// sizes are patched on <see cref="Dispose"/>; a crash leaves a file most players still read (size 0 = to end).
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const int HeaderLength = 44;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[4096];
    private long _dataBytes;
    private bool _disposed;

    public WavWriter(string path, int sampleRate = 8000)
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 65536), sampleRate)
    {
    }

    public WavWriter(Stream stream, int sampleRate = 8000)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        SampleRate = sampleRate;
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, sampleRate, 0);
        _stream.Write(header);
    }

    public int SampleRate { get; }

    public long SamplesWritten => _dataBytes / 2;

    public TimeSpan Duration => TimeSpan.FromSeconds(SamplesWritten / (double)SampleRate);

    public void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!samples.IsEmpty)
        {
            int n = Math.Min(samples.Length, _buffer.Length / 2);
            for (int i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(2 * i), samples[i]);
            }

            _stream.Write(_buffer, 0, n * 2);
            _dataBytes += n * 2;
            samples = samples[n..];
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, SampleRate, _dataBytes);
        _stream.Position = 0;
        _stream.Write(header);
        _stream.Flush();
        _stream.Dispose();
    }

    private static void WriteHeader(Span<byte> h, int rate, long dataBytes)
    {
        uint data = (uint)Math.Min(dataBytes, uint.MaxValue - HeaderLength);
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], data + HeaderLength - 8);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(rate * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], 16);
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], data);
    }
}
