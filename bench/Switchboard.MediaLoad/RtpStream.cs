using System.Net;

namespace Switchboard.MediaLoad;

/// <summary>One direction of one call as the generator sends it (index, socket, the PBX's port) and counts it.</summary>
internal sealed class RtpStream(int id, int socket, IPEndPoint target)
{
    public int Id { get; } = id;

    public int Socket { get; } = socket;

    public IPEndPoint Target { get; } = target;

    public ushort Sequence { get; set; }

    /// <summary>Packets sent whose send time is inside the measurement window.</summary>
    public long SentInWindow { get; set; }
}
