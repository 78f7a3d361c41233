using System.Buffers.Binary;

namespace Switchboard.Core.Voicemail;

/// <summary>Reads the layout of a 16-bit mono PCM WAV file: where the samples are and how long it plays.</summary>
internal static class WavPcm
{
    /// <summary>Finds the data chunk of a PCM WAV file held in <paramref name="bytes"/>.</summary>
    public static bool TryFindData(ReadOnlySpan<byte> bytes, out int offset, out int length, out string? error)
    {
        offset = 0;
        length = 0;
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            error = "not a RIFF/WAVE file";
            return false;
        }

        int pos = 12;
        bool pcm = false;
        while (pos + 8 <= bytes.Length)
        {
            var id = bytes.Slice(pos, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes[(pos + 4)..]), int.MaxValue);
            int body = pos + 8;
            if (id.SequenceEqual("fmt "u8) && body + 16 <= bytes.Length)
            {
                pcm = BinaryPrimitives.ReadUInt16LittleEndian(bytes[body..]) == 1 && BinaryPrimitives.ReadUInt16LittleEndian(bytes[(body + 14)..]) == 16;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!pcm)
                {
                    error = "not 16-bit PCM";
                    return false;
                }

                offset = body;
                length = size == 0 || body + size > bytes.Length ? bytes.Length - body : size;
                error = null;
                return true;
            }

            pos = body + size + (size & 1);
        }

        error = "no data chunk";
        return false;
    }

    /// <summary>The playing time of a PCM WAV file (zero when it cannot be read).</summary>
    public static TimeSpan Duration(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (!TryFindData(bytes, out _, out int length, out _) || bytes.Length < 28)
            {
                return TimeSpan.Zero;
            }

            uint rate = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24));
            return rate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(length / 2.0 / rate);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }
}
