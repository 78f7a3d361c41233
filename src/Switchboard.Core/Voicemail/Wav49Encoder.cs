using System.Buffers.Binary;
using Switchboard.Media.Codecs;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// Turns an 8 kHz 16-bit PCM WAV into Asterisk's "wav49" (GSM 06.10 in WAV, Microsoft's 65-byte blocks of two
/// frames; about a tenth of the size) for the e-mail attachment, with libgsm through the native codec wrapper.
/// </summary>
internal static class Wav49Encoder
{
    private const int SamplesPerBlock = 320;

    public static bool TryEncode(string pcmWavPath, out byte[] wav49, out string? error)
    {
        wav49 = [];
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(pcmWavPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return false;
        }

        if (!WavPcm.TryFindData(bytes, out int offset, out int length, out error))
        {
            return false;
        }

        if (bytes.Length < 28 || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)) != 8000)
        {
            error = "wav49 needs 8 kHz audio";
            return false;
        }

        if (!CodecRegistry.Shared.TryCreateGsmWav49(out var codec))
        {
            error = "libgsm is not available";
            return false;
        }

        using (codec)
        {
            int samples = length / 2;
            int blocks = (samples + SamplesPerBlock - 1) / SamplesPerBlock;
            var pcm = new short[blocks * SamplesPerBlock];
            for (int i = 0; i < samples; i++)
            {
                pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset + (2 * i)));
            }

            int dataBytes = blocks * GsmCodec.Wav49BlockBytes;
            int pad = dataBytes & 1;
            const int header = 12 + 8 + 20 + 8 + 4 + 8;
            wav49 = new byte[header + dataBytes + pad];
            var h = wav49.AsSpan();
            "RIFF"u8.CopyTo(h);
            BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(wav49.Length - 8));
            "WAVE"u8.CopyTo(h[8..]);
            "fmt "u8.CopyTo(h[12..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(h[20..], 0x0031); // WAVE_FORMAT_GSM610
            BinaryPrimitives.WriteUInt16LittleEndian(h[22..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], 8000);
            BinaryPrimitives.WriteUInt32LittleEndian(h[28..], 1625); // 8000 / 320 * 65 bytes per second
            BinaryPrimitives.WriteUInt16LittleEndian(h[32..], GsmCodec.Wav49BlockBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(h[34..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(h[38..], SamplesPerBlock);
            "fact"u8.CopyTo(h[40..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[44..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[48..], (uint)samples);
            "data"u8.CopyTo(h[52..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[56..], (uint)dataBytes);
            if (!codec.TryEncode(pcm, h.Slice(header, dataBytes), out int written) || written != dataBytes)
            {
                error = "GSM encoding failed";
                wav49 = [];
                return false;
            }
        }

        error = null;
        return true;
    }
}
