namespace Switchboard.Transport.Rtp;

/// <summary>
/// The process's RTP receive threads on Linux: a few <see cref="RtpReceiveLoop"/>s (epoll), each serving many sockets,
/// so a datagram costs one epoll wake share, one recvfrom and the synchronous relay work — no task, no thread-pool
/// hop, no per-socket pending receive. Thread count: SWITCHBOARD_RTP_THREADS, else half the cores, at least 2 (1 on a
/// single core) and at most 4; 0 turns the engine off. Elsewhere (or when epoll is unavailable) <see cref="Shared"/> is null and each socket falls back
/// to its own async receive loop.
/// </summary>
internal sealed class RtpReceiveEngine
{
    private static readonly Lazy<RtpReceiveEngine?> Instance = new(Create);
    private readonly RtpReceiveLoop[] _loops;

    private RtpReceiveEngine(RtpReceiveLoop[] loops) => _loops = loops;

    public static RtpReceiveEngine? Shared => Instance.Value;

    public int LoopCount => _loops.Length;

    /// <summary>Registers with the least loaded loop; false when the kernel refused the registration.</summary>
    public bool TryRegister(RtpReceiveRegistration registration)
    {
        var best = _loops[0];
        foreach (var loop in _loops)
        {
            if (loop.Count < best.Count)
            {
                best = loop;
            }
        }

        return best.TryAdd(registration);
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
        var loops = new RtpReceiveLoop[threads];
        for (int i = 0; i < threads; i++)
        {
            var loop = RtpReceiveLoop.TryCreate(i);
            if (loop is null)
            {
                return null;
            }

            loops[i] = loop;
        }

        return new RtpReceiveEngine(loops);
    }
}
