using System.Numerics;

namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law. Encoding works on the 14-bit linear value (sample &gt;&gt; 2) as the standard defines:
/// magnitude clipped to 8159, biased by 33, a 3-bit segment and 4-bit step, all bits inverted. Both directions use
/// tables built once (decode: 256 entries; encode: 16384 entries indexed by the 14-bit value).
/// </summary>
public static class MuLaw
{
    private const int Bias = 33;
    private const int Clip = 8159;

    private static readonly short[] DecodeTable = G711Tables.BuildDecode(DecodeCode);
    private static readonly byte[] EncodeTable = G711Tables.BuildEncode(16384, EncodeLinear14);

    /// <summary>Encodes one 16-bit sample.</summary>
    public static byte Encode(short sample) => EncodeTable[(sample >> 2) + 8192];

    /// <summary>Decodes one µ-law byte to a 16-bit sample.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="encoded"/> (one byte per sample).</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> encoded) =>
        G711Tables.Encode(pcm, encoded, EncodeTable, 2, 8192);

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="pcm"/> (one sample per byte).</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> pcm) =>
        G711Tables.Decode(encoded, pcm, DecodeTable);

    /// <summary>The reference computation for one 14-bit linear value (-8192..8191).</summary>
    internal static byte EncodeLinear14(int value)
    {
        int mask = 0xFF;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }

        if (value > Clip)
        {
            value = Clip;
        }

        int biased = value + Bias;
        int segment = BitOperations.Log2((uint)biased) - 5;
        if (segment > 7)
        {
            return (byte)(0x7F ^ mask);
        }

        int step = (biased >> (segment + 1)) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    internal static short DecodeCode(byte code)
    {
        int u = ~code & 0xFF;
        int segment = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << segment) - 0x84;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
