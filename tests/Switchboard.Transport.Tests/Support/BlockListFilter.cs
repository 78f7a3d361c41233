using System.Collections.Concurrent;
using System.Net;
using Switchboard.Transport.Admission;

namespace Switchboard.Transport.Tests.Support;

/// <summary>Test admission filter: refuses the addresses in its set; counts checks.</summary>
internal sealed class BlockListFilter : IAdmissionFilter
{
    private readonly ConcurrentDictionary<string, bool> _blocked = new();
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public void Block(IPAddress address) => _blocked[Convert.ToHexString(Bytes(address))] = true;

    public void Unblock(IPAddress address) => _blocked.TryRemove(Convert.ToHexString(Bytes(address)), out _);

    public bool Admit(ReadOnlySpan<byte> address)
    {
        Interlocked.Increment(ref _checks);
        return !_blocked.ContainsKey(Convert.ToHexString(address));
    }

    private static byte[] Bytes(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).GetAddressBytes();
}
