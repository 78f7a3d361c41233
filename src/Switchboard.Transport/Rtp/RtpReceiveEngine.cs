using Switchboard.Transport.Rtp.IoUring;

namespace Switchboard.Transport.Rtp;

/// <summary>
/// The process's RTP threads on Linux, each serving many sockets so a datagram costs no task, no thread-pool hop and
/// no per-socket pending receive: io_uring loops (<see cref="RtpRingLoop"/>: multishot receives into a shared buffer
/// pool, the relay's sends batched into the next io_uring_enter) where the kernel allows io_uring, else epoll loops
/// (<see cref="RtpReceiveLoop"/>: one recvfrom and one sendto per datagram). SWITCHBOARD_RTP_ENGINE=epoll forces the
/// epoll loops. Thread count: SWITCHBOARD_RTP_THREADS, else half the cores, at least 2 (1 on a single core) and at
/// most 4; 0 turns the engine off. Elsewhere (or when neither is available) <see cref="Shared"/> is null and each
/// socket falls back to its own async receive loop.
/// </summary>
internal sealed class RtpReceiveEngine
{
    private static readonly Lazy<RtpReceiveEngine?> Instance = new(Create);
    private readonly RtpReceiveThread[] _loops;

    private RtpReceiveEngine(RtpReceiveThread[] loops, string kind, string? fallbackReason)
    {
        _loops = loops;
        Kind = kind;
        FallbackReason = fallbackReason;
    }

    public static RtpReceiveEngine? Shared => Instance.Value;

    public int LoopCount => _loops.Length;

    /// <summary>"io_uring" or "epoll".</summary>
    public string Kind { get; }

    /// <summary>Why io_uring is not used (null when it is, or when epoll was asked for).</summary>
    public string? FallbackReason { get; }

    /// <summary>
    /// Registers an RTP/RTCP pair with <paramref name="preferred"/> (a loop of this engine: the one serving the other
    /// leg of the call), else with the least loaded loop; both sockets go to the same loop, so RTP sockets spread
    /// evenly over the loops instead of every RTP socket landing on one and every RTCP socket on the next. False when
    /// the kernel refused either registration (nothing stays registered then).
    /// </summary>
    public bool TryRegister(RtpReceiveRegistration rtp, RtpReceiveRegistration rtcp, RtpReceiveThread? preferred = null)
    {
        var best = _loops[0];
        foreach (var loop in _loops)
        {
            if (loop.Count < best.Count)
            {
                best = loop;
            }
        }

        if (preferred is not null && Array.IndexOf(_loops, preferred) >= 0)
        {
            best = preferred;
        }

        if (!best.TryAdd(rtp))
        {
            return false;
        }

        if (best.TryAdd(rtcp))
        {
            return true;
        }

        best.Remove(rtp);
        return false;
    }

    /// <summary>A private io_uring engine of <paramref name="threads"/> loops (tests); null with the reason when refused.</summary>
    internal static RtpReceiveEngine? CreateRings(int threads, out string? reason)
    {
        var rings = new RtpReceiveThread[threads];
        reason = null;
        for (int i = 0; i < threads; i++)
        {
            var ring = RtpRingLoop.TryCreate(i, out reason);
            if (ring is null)
            {
                return null;
            }

            rings[i] = ring;
        }

        return new RtpReceiveEngine(rings, "io_uring", null);
    }

    public RtpEngineStatus Status()
    {
        int sockets = 0;
        long refused = 0;
        long oversized = 0;
        foreach (var loop in _loops)
        {
            sockets += loop.Count;
            refused += loop.SendsRefused;
            oversized += loop.OversizedDropped;
        }

        string? sendPath = _loops.Length > 0 && _loops[0] is RtpRingLoop ring
            ? (ring.SendsWithAddress ? "SEND with address" : "SENDMSG") + (ring.UsesFixedFiles ? ", registered files" : ", descriptors")
            : null;
        return new RtpEngineStatus(Kind, _loops.Length, FallbackReason, sockets, refused, oversized, sendPath);
    }

    private static RtpReceiveEngine? Create()
    {
        bool configured = int.TryParse(Environment.GetEnvironmentVariable("SWITCHBOARD_RTP_THREADS"), out int t) && t >= 0;
        if (!OperatingSystem.IsLinux() || (configured && t == 0))
        {
            return null;
        }

        int threads = configured
            ? Math.Min(t, 64)
            : Math.Clamp(Environment.ProcessorCount / 2, Math.Min(Environment.ProcessorCount, 2), 4);
        string? reason = null;
        if (!string.Equals(Environment.GetEnvironmentVariable("SWITCHBOARD_RTP_ENGINE"), "epoll", StringComparison.OrdinalIgnoreCase))
        {
            var engine = CreateRings(threads, out reason);
            if (engine is not null)
            {
                return engine;
            }
        }

        var loops = new RtpReceiveThread[threads];
        for (int i = 0; i < threads; i++)
        {
            var loop = RtpReceiveLoop.TryCreate(i);
            if (loop is null)
            {
                return null;
            }

            loops[i] = loop;
        }

        return new RtpReceiveEngine(loops, "epoll", reason);
    }
}
