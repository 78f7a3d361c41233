using System.Net;

namespace Switchboard.Common.Media;

/// <summary>
/// One direction of an established relay for the kernel to forward: datagrams from <see cref="Source"/> arriving at
/// the PBX's UDP port <see cref="LocalPort"/> leave from <see cref="Egress"/> to <see cref="Destination"/> without
/// reaching the process. An <see cref="Egress"/> address of 0.0.0.0 means the address the kernel would send from.
/// </summary>
public readonly record struct KernelForwardRule(IPEndPoint Source, int LocalPort, IPEndPoint Egress, IPEndPoint Destination);

/// <summary>
/// In-kernel forwarding of established relays (rtp.conf kernel_forwarding). A relay whose packets pass unchanged
/// hands both directions to the kernel and gets them back when anything changes. Implemented by Switchboard.Transport
/// (nftables); used by Switchboard.Media's RtpRelay.
/// </summary>
public interface IKernelForwarding
{
    /// <summary>
    /// Queues both directions of one relay (applied together, shortly after); null when nothing more can be taken.
    /// Disposing the handle removes them. Never blocks: called from an RTP thread. With <paramref name="packetsSeen"/>
    /// the kernel's packet counts are polled (every few seconds) and it is called, with true for the A-to-B direction,
    /// whenever a direction forwarded packets since the last poll (for rtp_timeout).
    /// </summary>
    IKernelForwardingHandle? TryForward(KernelForwardRule aToB, KernelForwardRule bToA, Action<bool>? packetsSeen = null);
}

/// <summary>Both directions of one relay as handed to the kernel.</summary>
public interface IKernelForwardingHandle : IDisposable
{
    /// <summary>True once the kernel forwards them, until the handle is disposed.</summary>
    bool IsActive { get; }

    /// <summary>True when the kernel refused them: the relay stays in the process.</summary>
    bool IsRefused { get; }
}
