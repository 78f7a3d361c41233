namespace Switchboard.Media.Codecs;

/// <summary>
/// The table machinery both G.711 laws share: building the 256-entry decode table and the encode table (indexed by the
/// sample shifted down to the law's linear width, offset to be non-negative) from the reference functions, and the
/// per-frame loops over them.
/// </summary>
internal static class G711Tables
{
    public static short[] BuildDecode(Func<byte, short> decode)
    {
        var table = new short[256];
        for (int i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    /// <summary>Entry i encodes the linear value i - size/2.</summary>
    public static byte[] BuildEncode(int size, Func<int, byte> encodeLinear)
    {
        var table = new byte[size];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = encodeLinear(i - (size / 2));
        }

        return table;
    }

    /// <summary>encoded[i] = table[(pcm[i] &gt;&gt; shift) + offset].</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> encoded, byte[] table, int shift, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(encoded.Length, pcm.Length);
        for (int i = 0; i < pcm.Length; i++)
        {
            encoded[i] = table[(pcm[i] >> shift) + offset];
        }
    }

    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> pcm, short[] table)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pcm.Length, encoded.Length);
        for (int i = 0; i < encoded.Length; i++)
        {
            pcm[i] = table[encoded[i]];
        }
    }
}
