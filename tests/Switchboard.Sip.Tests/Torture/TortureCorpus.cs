namespace Switchboard.Sip.Tests.Torture;

/// <summary>Loads the RFC 4475 / RFC 5118 messages (TestData/*/*.dat, wire bytes).</summary>
internal static class TortureCorpus
{
    public static byte[] Load(string rfc, string name)
        => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", rfc, name + ".dat"));

    public static IEnumerable<(string Rfc, string Name, byte[] Bytes)> All()
    {
        foreach (string rfc in new[] { "rfc4475", "rfc5118" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", rfc), "*.dat").Order(StringComparer.Ordinal))
            {
                yield return (rfc, Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file));
            }
        }
    }
}
