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
public sealed class RtpRelay : IRtpLegHandler, IDisposable
{
    private readonly RtpLeg _a;
    private readonly RtpLeg _b;
    private readonly TranscodingPathBuilder? _paths;
    private RtpForwarder? _aToB;
    private RtpForwarder? _bToA;

    public RtpRelay(RtpLeg a, RtpLeg b, TranscodingPathBuilder? transcoding = null)
    {
        _a = a ?? throw new ArgumentNullException(nameof(a));
        _b = b ?? throw new ArgumentNullException(nameof(b));
        _paths = transcoding;
    }

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
        var a = _a.Media ?? throw new InvalidOperationException($"{_a.Name} has no negotiated media");
        var b = _b.Media ?? throw new InvalidOperationException($"{_b.Name} has no negotiated media");
        Volatile.Write(ref _aToB, new RtpForwarder(_b, a, b, _paths));
        Volatile.Write(ref _bToA, new RtpForwarder(_a, b, a, _paths));
    }

    /// <summary>Detaches from both legs (they keep running, e.g. for a prompt or hold music).</summary>
    public void Stop()
    {
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
        var forwarder = ReferenceEquals(leg, _a) ? Volatile.Read(ref _aToB) : Volatile.Read(ref _bToA);
        forwarder?.Forward(data, packet, leg.LastReceivedTimestamp);
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
