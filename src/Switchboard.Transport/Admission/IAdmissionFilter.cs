namespace Switchboard.Transport.Admission;

/// <summary>
/// Decides before any parsing whether traffic from a source address is admitted (AutoBan's in-process layer).
/// Called per datagram and per accepted connection: implementations must be allocation-free and fast.
/// </summary>
public interface IAdmissionFilter
{
    /// <summary>
    /// <paramref name="address"/> is the raw source address: 4 bytes for IPv4 (IPv4-mapped IPv6 is normalised to 4
    /// bytes by the caller) or 16 bytes for IPv6.
    /// </summary>
    bool Admit(ReadOnlySpan<byte> address);
}
