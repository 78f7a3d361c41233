namespace Switchboard.Media.Codecs;

/// <summary>
/// Direct µ-law ↔ A-law conversion through 256-entry tables (each entry = encode(decode(code)) in the other law),
/// so a G.711 leg-to-leg transcode costs one table lookup per byte.
/// </summary>
public static class G711Transcoding
{
    private static readonly byte[] MuToA = Build(static c => ALaw.Encode(MuLaw.Decode(c)));
    private static readonly byte[] AToMu = Build(static c => MuLaw.Encode(ALaw.Decode(c)));

    public static byte MuLawToALaw(byte code) => MuToA[code];

    public static byte ALawToMuLaw(byte code) => AToMu[code];

    public static void MuLawToALaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(MuToA, source, destination);

    public static void ALawToMuLaw(ReadOnlySpan<byte> source, Span<byte> destination) => Map(AToMu, source, destination);

    private static void Map(byte[] table, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static byte[] Build(Func<byte, byte> map)
    {
        var table = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            table[i] = map((byte)i);
        }

        return table;
    }
}
