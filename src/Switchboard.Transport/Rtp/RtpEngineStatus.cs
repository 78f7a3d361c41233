namespace Switchboard.Transport.Rtp;

/// <summary>What carries RTP in this process (for <c>rtp show settings</c>).</summary>
/// <param name="Kind">"io_uring", "epoll" or "async" (one async receive loop per socket).</param>
/// <param name="Threads">RTP threads of the engine (0 for per-socket loops).</param>
/// <param name="FallbackReason">Why io_uring is not in use, when the kernel refused it.</param>
/// <param name="Sockets">Sockets registered with the engine now.</param>
/// <param name="SendsRefused">Batched sends the kernel refused (full socket buffer, unreachable destination).</param>
/// <param name="OversizedDropped">Datagrams larger than a receive buffer (dropped).</param>
/// <param name="SendPath">io_uring only: how sends are queued ("SEND with address" or "SENDMSG", and whether sockets
/// are named by registered-file slots).</param>
public sealed record RtpEngineStatus(string Kind, int Threads, string? FallbackReason, int Sockets, long SendsRefused, long OversizedDropped, string? SendPath = null)
{
    /// <summary>The process's engine now (starting it if no call has yet).</summary>
    public static RtpEngineStatus Current => RtpReceiveEngine.Shared?.Status() ?? new RtpEngineStatus("async", 0, null, 0, 0, 0);
}
