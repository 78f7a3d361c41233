using System.Buffers.Binary;

namespace Switchboard.Media.Players;

/// <summary>
/// The parts of a RIFF/WAVE file the players need: the fmt chunk (format tag, channels, rate, bits, block
/// alignment) and where the data chunk is. Unknown chunks are skipped (with RIFF's even padding).
/// </summary>
public readonly record struct WavHeader(int FormatTag, int Channels, int SampleRate, int BitsPerSample, int BlockAlign, int DataOffset, int DataLength)
{
    public const int Pcm = 1;
    public const int ALaw = 6;
    public const int MuLaw = 7;
    public const int Gsm610 = 0x31;
    public const int Extensible = 0xFFFE;

    public static bool TryParse(ReadOnlySpan<byte> file, out WavHeader header, out string? error)
    {
        header = default;
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            error = "not a RIFF/WAVE file";
            return false;
        }

        int tag = -1, channels = 0, rate = 0, bits = 0, align = 0;
        int pos = 12;
        while (pos + 8 <= file.Length)
        {
            var id = file.Slice(pos, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 4)..]);
            int body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > file.Length)
                {
                    error = "fmt chunk too short";
                    return false;
                }

                var fmt = file.Slice(body, 16);
                tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                align = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                if (tag == Extensible && size >= 40 && body + 26 <= file.Length)
                {
                    // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 24)..]);
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (tag < 0)
                {
                    error = "data chunk before fmt chunk";
                    return false;
                }

                // Some writers leave the size at 0 or 0xFFFFFFFF while streaming: take the rest of the file.
                long available = file.Length - body;
                long length = size == 0 || size > available ? available : size;
                header = new WavHeader(tag, channels, rate, bits, align, body, (int)length);
                error = null;
                return true;
            }

            pos = (int)Math.Min(int.MaxValue, body + size + (size & 1));
        }

        error = tag < 0 ? "no fmt chunk" : "no data chunk";
        return false;
    }
}
