namespace Switchboard.Transport.Rtp;

/// <summary>
/// One thread of the <see cref="RtpReceiveEngine"/> serving many RTP/RTCP sockets: the epoll loop
/// (<see cref="RtpReceiveLoop"/>) or the io_uring loop (<see cref="IoUring.RtpRingLoop"/>).
/// </summary>
internal abstract class RtpReceiveThread
{
    /// <summary>Registered sockets (for spreading new ones).</summary>
    public abstract int Count { get; }

    /// <summary>Batched sends the kernel refused (io_uring only).</summary>
    public virtual long SendsRefused => 0;

    /// <summary>Datagrams larger than a pool buffer, dropped (io_uring only).</summary>
    public virtual long OversizedDropped => 0;

    /// <summary>Starts delivering the socket's datagrams to its owner; false when the kernel refused.</summary>
    public abstract bool TryAdd(RtpReceiveRegistration registration);

    /// <summary>Stops delivering from the socket; call before closing it. Returns once the kernel let go of it.</summary>
    public abstract void Remove(RtpReceiveRegistration registration);
}
