using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Switchboard.Common.Media;

/// <summary>Binds RTP socket pairs (used by the port allocator, which picks the ports).</summary>
public interface IRtpSocketFactory
{
    /// <summary>
    /// Binds RTP to <paramref name="address"/>:<paramref name="rtpPort"/> and RTCP to the port after it. Returns false
    /// with a reason when either port cannot be bound (for example because another process holds it).
    /// </summary>
    bool TryBind(IPAddress address, int rtpPort, [NotNullWhen(true)] out IRtpSocket? socket, out string? error);
}
