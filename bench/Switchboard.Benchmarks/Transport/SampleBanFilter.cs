using System.Buffers.Binary;
using Switchboard.Transport.Admission;

namespace Switchboard.Benchmarks.Transport;

/// <summary>A plausible in-process ban list for the benchmark: IPv4 in a hash set of uint, IPv6 by prefix halves.</summary>
internal sealed class SampleBanFilter : IAdmissionFilter
{
    private readonly HashSet<uint> _v4 = [];
    private readonly HashSet<(ulong, ulong)> _v6 = [];

    public SampleBanFilter(int bannedCount)
    {
        var random = new Random(1);
        for (int i = 0; i < bannedCount; i++)
        {
            _v4.Add((uint)random.Next());
            _v6.Add(((ulong)random.NextInt64(), (ulong)random.NextInt64()));
        }
    }

    public bool Admit(ReadOnlySpan<byte> address) => address.Length == 4
        ? !_v4.Contains(BinaryPrimitives.ReadUInt32BigEndian(address))
        : !_v6.Contains((BinaryPrimitives.ReadUInt64BigEndian(address), BinaryPrimitives.ReadUInt64BigEndian(address[8..])));
}
