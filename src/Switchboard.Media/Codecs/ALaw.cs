using System.Numerics;

namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law. Encoding works on the 13-bit linear value (sample &gt;&gt; 3): negative values use their
/// one's complement magnitude, a 3-bit segment and 4-bit step, even bits inverted (XOR 0x55, sign set for
/// positive). Both directions use tables built once (decode: 256 entries; encode: 8192 entries).
/// </summary>
public static class ALaw
{
    private static readonly short[] DecodeTable = G711Tables.BuildDecode(DecodeCode);
    private static readonly byte[] EncodeTable = G711Tables.BuildEncode(8192, EncodeLinear13);

    public static byte Encode(short sample) => EncodeTable[(sample >> 3) + 4096];

    public static short Decode(byte code) => DecodeTable[code];

    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> encoded) =>
        G711Tables.Encode(pcm, encoded, EncodeTable, 3, 4096);

    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> pcm) =>
        G711Tables.Decode(encoded, pcm, DecodeTable);

    /// <summary>The reference computation for one 13-bit linear value (-4096..4095).</summary>
    internal static byte EncodeLinear13(int value)
    {
        int mask = 0xD5;
        if (value < 0)
        {
            value = ~value;
            mask = 0x55;
        }

        int code;
        if (value < 32)
        {
            code = value >> 1;
        }
        else
        {
            int segment = BitOperations.Log2((uint)value) - 4;
            code = segment > 7 ? 0x7F : (segment << 4) | ((value >> segment) & 0x0F);
        }

        return (byte)(code ^ mask);
    }

    internal static short DecodeCode(byte code)
    {
        int a = code ^ 0x55;
        int segment = (a >> 4) & 0x07;
        int step = a & 0x0F;
        int magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
