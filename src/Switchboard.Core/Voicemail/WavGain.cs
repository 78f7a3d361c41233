using System.Buffers.Binary;

namespace Switchboard.Core.Voicemail;

/// <summary>Applies a gain in dB to a 16-bit PCM WAV file in place (MinivmRecord's g(gain) option), clipping at full scale.</summary>
internal static class WavGain
{
    public static bool TryApply(string path, int gainDb, out string? error)
    {
        error = null;
        if (gainDb == 0)
        {
            return true;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            if (!WavPcm.TryFindData(bytes, out int offset, out int length, out error))
            {
                return false;
            }

            double factor = Math.Pow(10, gainDb / 20.0);
            var data = bytes.AsSpan(offset, length & ~1);
            for (int i = 0; i < data.Length; i += 2)
            {
                double v = BinaryPrimitives.ReadInt16LittleEndian(data[i..]) * factor;
                short s = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(data[i..], s);
            }

            File.WriteAllBytes(path, bytes);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }
    }
}
