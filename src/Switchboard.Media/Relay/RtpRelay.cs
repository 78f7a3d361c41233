using Switchboard.Common.Media;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Relay;

/// <summary>
/// Relays media between the two legs of a bridged call: RTP packet by packet (no decode when both legs share the
/// codec; transcoding otherwise), RTCP as is, telephone-event passed through (the legs' DTMF listeners still see
/// every digit). Install after both legs have their media (<see cref="RtpLeg.SetMedia"/>); call
/// <see cref="Refresh"/> after a re-negotiation. Forwarders are swapped atomically, so the receive threads never lock.
/// </summary>
/// <remarks>
/// With kernel forwarding (both legs' <see cref="RtpLegOptions.KernelForwarding"/>): once both directions have
/// relayed <see cref="KernelCheckPackets"/> packets unchanged between locked sources, the relay hands them to the
/// kernel, and the packets stop reaching the process (statistics, DTMF detection and the relay's counters stop with
/// them; RTCP stays here; a leg's rtp_timeout is fed from the kernel's packet counters). It takes them back on
/// <see cref="Refresh"/>, <see cref="Stop"/>, an rtp_timeout watch starting, or when more than <see cref="KernelStrayLimit"/> accepted packets still arrive here (the flow changed:
/// a new source, a NAT rebinding), and tries again later, at most <see cref="KernelMaxAttempts"/> times per
/// negotiation.
/// </remarks>
public sealed class RtpRelay : IRtpLegHandler, IDisposable
{
    /// <summary>Packets relayed in each direction (about a second of audio) before the kernel is asked.</summary>
    public const int KernelCheckPackets = 50;

    /// <summary>Accepted packets that may still arrive here once the kernel forwards (those in flight).</summary>
    public const int KernelStrayLimit = 10;

    public const int KernelMaxAttempts = 3;

    private readonly RtpLeg _a;
    private readonly RtpLeg _b;
    private readonly TranscodingPathBuilder? _paths;
    private readonly IKernelForwarding? _kernel;
    private RtpForwarder? _aToB;
    private RtpForwarder? _bToA;
    private IKernelForwardingHandle? _kernelHandle;
    private int _kernelCountdownA = KernelCheckPackets;
    private int _kernelCountdownB = KernelCheckPackets;
    private int _kernelStrays;
    private int _kernelAttempts;

    public RtpRelay(RtpLeg a, RtpLeg b, TranscodingPathBuilder? transcoding = null)
    {
        _a = a ?? throw new ArgumentNullException(nameof(a));
        _b = b ?? throw new ArgumentNullException(nameof(b));
        _paths = transcoding;
        _kernel = a.Options.KernelForwarding is { } kernel && ReferenceEquals(kernel, b.Options.KernelForwarding) ? kernel : null;
    }

    /// <summary>True while the kernel forwards this relay's RTP.</summary>
    public bool IsKernelForwarding => Volatile.Read(ref _kernelHandle)?.IsActive ?? false;

    public RtpLeg LegA => _a;

    public RtpLeg LegB => _b;

    /// <summary>Relay RTCP between the legs (on by default).</summary>
    public bool RelayRtcp { get; set; } = true;

    /// <summary>True when the two legs' primary codecs differ (media is decoded or table-converted).</summary>
    public bool IsTranscoding =>
        _a.Media is { } a && _b.Media is { } b && !string.Equals(a.Primary.Name, b.Primary.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Transcoding path A → B, if any packets needed one.</summary>
    public string? PathAToB => Volatile.Read(ref _aToB)?.TranscodingPath;

    public string? PathBToA => Volatile.Read(ref _bToA)?.TranscodingPath;

    public long ForwardedAToB => Volatile.Read(ref _aToB)?.Forwarded ?? 0;

    public long ForwardedBToA => Volatile.Read(ref _bToA)?.Forwarded ?? 0;

    public long TranscodedAToB => Volatile.Read(ref _aToB)?.Transcoded ?? 0;

    public long TranscodedBToA => Volatile.Read(ref _bToA)?.Transcoded ?? 0;

    public long DroppedAToB => Volatile.Read(ref _aToB)?.Dropped ?? 0;

    public long DroppedBToA => Volatile.Read(ref _bToA)?.Dropped ?? 0;

    /// <summary>Builds the forwarders from the legs' media and makes this relay both legs' handler.</summary>
    public void Start()
    {
        Refresh();
        _a.Handler = this;
        _b.Handler = this;
    }

    /// <summary>Rebuilds the forwarders after either leg's media changed.</summary>
    public void Refresh()
    {
        ReleaseKernel();
        Volatile.Write(ref _kernelAttempts, 0);
        var a = _a.Media ?? throw new InvalidOperationException($"{_a.Name} has no negotiated media");
        var b = _b.Media ?? throw new InvalidOperationException($"{_b.Name} has no negotiated media");
        Volatile.Write(ref _aToB, new RtpForwarder(_b, a, b, _paths));
        Volatile.Write(ref _bToA, new RtpForwarder(_a, b, a, _paths));
    }

    /// <summary>Detaches from both legs (they keep running, e.g. for a prompt or hold music).</summary>
    public void Stop()
    {
        ReleaseKernel();
        if (ReferenceEquals(_a.Handler, this))
        {
            _a.Handler = null;
        }

        if (ReferenceEquals(_b.Handler, this))
        {
            _b.Handler = null;
        }
    }

    void IRtpLegHandler.OnRtp(RtpLeg leg, Span<byte> data, RtpPacket packet)
    {
        bool fromA = ReferenceEquals(leg, _a);
        var forwarder = fromA ? Volatile.Read(ref _aToB) : Volatile.Read(ref _bToA);
        forwarder?.Forward(data, packet, leg.LastReceivedTimestamp);
        if (_kernel is not null)
        {
            KernelStep(fromA);
        }
    }

    /// <summary>Takes both directions back from the kernel (the packets reach the legs again).</summary>
    public void ReleaseKernel()
    {
        var handle = Interlocked.Exchange(ref _kernelHandle, null);
        if (handle is null)
        {
            return;
        }

        handle.Dispose();
        _a.OnKernelForwardingEnded();
        _b.OnKernelForwardingEnded();
        Volatile.Write(ref _kernelStrays, 0);
        Volatile.Write(ref _kernelCountdownA, KernelCheckPackets);
        Volatile.Write(ref _kernelCountdownB, KernelCheckPackets);
    }

    /// <summary>On the receive thread, after each relayed packet: counts towards asking the kernel, or watches it.</summary>
    private void KernelStep(bool fromA)
    {
        var handle = Volatile.Read(ref _kernelHandle);
        if (handle is null)
        {
            // Both directions must have flowed through here recently; legs may sit on different threads, so each
            // counts its own direction.
            int left = fromA ? --_kernelCountdownA : --_kernelCountdownB;
            if (left <= 0 && Volatile.Read(ref _kernelCountdownA) <= 0 && Volatile.Read(ref _kernelCountdownB) <= 0
                && Volatile.Read(ref _kernelAttempts) < KernelMaxAttempts)
            {
                Volatile.Write(ref _kernelCountdownA, KernelCheckPackets);
                Volatile.Write(ref _kernelCountdownB, KernelCheckPackets);
                TryHandToKernel();
            }

            return;
        }

        if (handle.IsRefused)
        {
            ReleaseKernel();
            Volatile.Write(ref _kernelAttempts, KernelMaxAttempts);
        }
        else if (handle.IsActive && Interlocked.Increment(ref _kernelStrays) > KernelStrayLimit)
        {
            // Accepted packets still arrive here: they do not match what the kernel forwards any more.
            ReleaseKernel();
        }
    }

    /// <summary>The kernel forwarded packets that arrived on leg A (true) or B since its counters were last read.</summary>
    private void OnKernelPackets(bool fromA) => (fromA ? _a : _b).NoteKernelPackets();

    private void TryHandToKernel()
    {
        var aToB = Volatile.Read(ref _aToB);
        var bToA = Volatile.Read(ref _bToA);
        if (aToB is not { IsVerbatim: true } || bToA is not { IsVerbatim: true }
            || !_a.TryGetKernelEndpoints(out var aSource, out var aDestination)
            || !_b.TryGetKernelEndpoints(out var bSource, out var bDestination))
        {
            return;
        }

        Interlocked.Increment(ref _kernelAttempts);
        bool watched = _a.WatchTimeout > TimeSpan.Zero || _b.WatchTimeout > TimeSpan.Zero;
        var handle = _kernel!.TryForward(
            new KernelForwardRule(aSource, _a.LocalRtpEndPoint.Port, _b.LocalRtpEndPoint, bDestination),
            new KernelForwardRule(bSource, _b.LocalRtpEndPoint.Port, _a.LocalRtpEndPoint, aDestination),
            watched ? OnKernelPackets : null);
        if (handle is not null && Interlocked.CompareExchange(ref _kernelHandle, handle, null) is not null)
        {
            // The other leg's thread got there first.
            handle.Dispose();
        }
    }

    void IRtpLegHandler.CollectPrefetch(RtpLeg leg, ref RtpPrefetchList list)
    {
        var forwarder = ReferenceEquals(leg, _a) ? Volatile.Read(ref _aToB) : Volatile.Read(ref _bToA);
        forwarder?.CollectPrefetch(ref list);
    }

    void IRtpLegHandler.OnRtcp(RtpLeg leg, Span<byte> data)
    {
        if (RelayRtcp)
        {
            (ReferenceEquals(leg, _a) ? _b : _a).SendRtcp(data);
        }
    }

    public void Dispose()
    {
        Stop();
        Volatile.Write(ref _aToB, null);
        Volatile.Write(ref _bToA, null);
    }
}
