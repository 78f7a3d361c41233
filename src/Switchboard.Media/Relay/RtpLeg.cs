using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Common.Media;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Relay;

/// <summary>
/// One call leg's media endpoint: a bound RTP/RTCP socket pair, where to send (the SDP address, or with
/// rtp_symmetric the learned source), which sources to accept (strictrtp), what was negotiated, reception
/// statistics, RFC 4733 detection and the time of the last packet (for rtp_timeout). Accepted packets go to
/// <see cref="Handler"/> (a relay, Echo, a recorder). Everything on the receive path is allocation-free.
/// </summary>
public sealed partial class RtpLeg : IRtpPacketSink, IRtpSender, IDisposable
{
    private readonly IRtpSocket _socket;
    private readonly RtpLegOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<int>? _release;
    private readonly RtpSourceFilter _filter;
    private readonly RtpSourceFilter _rtcpFilter;
    private readonly RtpStreamContinuity _continuity;
    private DtmfDetector _dtmf;
    private RtpReceiveStatistics _stats;
    private RtpLegMedia? _media;
    private SocketAddress? _sdpRtp;
    private SocketAddress? _sdpRtcp;
    private long _lastReceived;
    private long _packetsReceived;
    private long _bytesReceived;
    private long _packetsSent;
    private long _bytesSent;
    private long _malformed;
    private long _rtcpReceived;
    private long _rtcpSent;
    private int _started;
    private int _disposed;
    private long _watchTicks;

    public RtpLeg(IRtpSocket socket, RtpLegOptions? options = null, TimeProvider? time = null, ILogger? logger = null, Action<int>? releasePort = null)
    {
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _options = options ?? new RtpLegOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _release = releasePort;
        _filter = new RtpSourceFilter(_options.StrictRtp, _options.Probation);
        _rtcpFilter = new RtpSourceFilter(StrictRtpMode.No);
        _continuity = new RtpStreamContinuity(_time);
        _dtmf = new DtmfDetector(new DtmfRelay(this), 8000, _options.DtmfTimeoutSamples);
        _stats = new RtpReceiveStatistics(8000, _time.TimestampFrequency);
        _lastReceived = _time.GetTimestamp();
    }

    public string Name => _options.Name;

    public RtpLegOptions Options => _options;

    public IPEndPoint LocalRtpEndPoint => _socket.LocalRtpEndPoint;

    public IPEndPoint LocalRtcpEndPoint => _socket.LocalRtcpEndPoint;

    /// <summary>What consumes accepted packets; null drops them (after statistics and DTMF detection).</summary>
    public IRtpLegHandler? Handler { get; set; }

    /// <summary>Receives RFC 4733 digits detected on this leg.</summary>
    public IDtmfListener? DtmfListener { get; set; }

    public RtpLegMedia? Media => Volatile.Read(ref _media);

    /// <summary>Where RTP is sent now: the learned source when symmetric, else the SDP address.</summary>
    public SocketAddress? RtpDestination => _options.Symmetric && _filter.Source is { } learned ? learned : Volatile.Read(ref _sdpRtp);

    /// <summary>Where RTCP is sent now.</summary>
    public SocketAddress? RtcpDestination => _options.Symmetric && _rtcpFilter.Source is { } learned ? learned : Volatile.Read(ref _sdpRtcp);

    /// <summary>The accepted source of incoming RTP (null before the first accepted packet).</summary>
    public SocketAddress? RtpSource => _filter.Source;

    /// <summary>TimeProvider timestamp of the last accepted RTP packet (or of creation).</summary>
    public long LastReceivedTimestamp => Volatile.Read(ref _lastReceived);

    public bool IsStrictLearning => _filter.IsLearning;

    /// <summary>
    /// The timeout of the rtp_timeout watch running on this leg (zero when none). While the kernel forwards, its packet
    /// counters stand in for the packets (<see cref="NoteKernelPackets"/>), read every few seconds: a watch shorter
    /// than <see cref="MinKernelWatch"/> keeps the leg's packets in the process.
    /// </summary>
    internal TimeSpan WatchTimeout
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _watchTicks));
        set => Volatile.Write(ref _watchTicks, value.Ticks);
    }

    /// <summary>Shortest rtp_timeout that kernel forwarding serves (its counters are read every 2 s).</summary>
    internal static TimeSpan MinKernelWatch { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts the socket's receive loops; with <paramref name="near"/> (the leg this one will be bridged to) on the
    /// receive thread that serves that leg.
    /// </summary>
    public void Start(RtpLeg? near = null)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _socket.Start(this, near?._socket);
        }
    }

    /// <summary>
    /// Sets the remote addresses from SDP (null when unknown or on hold) and restarts strict RTP learning.
    /// <paramref name="rtcp"/> defaults to the RTP port + 1.
    /// </summary>
    public void SetRemote(IPEndPoint? rtp, IPEndPoint? rtcp = null)
    {
        var family = _socket.LocalRtpEndPoint.AddressFamily;
        var rtpAddress = rtp is null ? null : SocketAddresses.ForSocket(rtp, family);
        var rtcpEndPoint = rtcp ?? (rtp is { Port: < 65535 } ? new IPEndPoint(rtp.Address, rtp.Port + 1) : null);
        var rtcpAddress = rtcpEndPoint is null ? null : SocketAddresses.ForSocket(rtcpEndPoint, family);
        Volatile.Write(ref _sdpRtp, rtpAddress);
        Volatile.Write(ref _sdpRtcp, rtcpAddress);
        _filter.SetExpected(rtpAddress);
        _rtcpFilter.SetExpected(rtcpAddress);
        LogRemoteSet(_logger, Name, rtp?.ToString() ?? "none", _options.StrictRtp);
    }

    /// <summary>Installs what was negotiated (codecs, telephone-event).</summary>
    public void SetMedia(RtpLegMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var previous = Volatile.Read(ref _media);
        if (previous is null || previous.Primary.ClockRate != media.Primary.ClockRate)
        {
            _stats = new RtpReceiveStatistics(media.Primary.ClockRate, _time.TimestampFrequency);
        }

        if (previous is null || previous.TelephoneEventClockRate != media.TelephoneEventClockRate)
        {
            // Event durations are in telephone-event clock units (8000 normally; 48000 next to Opus).
            _dtmf.Flush();
            _dtmf = new DtmfDetector(new DtmfRelay(this), media.TelephoneEventClockRate, (int)((long)_options.DtmfTimeoutSamples * media.TelephoneEventClockRate / 8000));
        }

        _continuity.ClockRate = media.Primary.ClockRate;
        Volatile.Write(ref _media, media);
    }

    /// <summary>
    /// Sends one RTP packet to the current destination, keeping the outgoing stream continuous (see
    /// <see cref="RtpStreamContinuity"/>); may rewrite the header in place. False when there is no destination
    /// yet or the send failed.
    /// </summary>
    public bool SendRtp(Span<byte> packet) => SendRtp(packet, _time.GetTimestamp());

    /// <summary>
    /// As <see cref="SendRtp(Span{byte})"/> with the current <see cref="TimeProvider"/> timestamp already at hand (the
    /// relay passes the receive time of the packet it forwards, so a relayed packet reads the clock once).
    /// </summary>
    public bool SendRtp(Span<byte> packet, long now)
    {
        var destination = RtpDestination;
        if (destination is null || packet.Length < RtpPacket.FixedHeaderLength || Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        _continuity.Apply(packet, now);
        if (!_socket.SendRtp(packet, destination))
        {
            return false;
        }

        // Statistics counters: written by the one thread feeding this leg at a time (the relay's receive thread, or a
        // player between relays), read with Interlocked.Read; no locked instruction per packet.
        _packetsSent++;
        _bytesSent += packet.Length;
        return true;
    }

    /// <summary>Sends one RTCP packet to the current RTCP destination.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet)
    {
        var destination = RtcpDestination;
        if (destination is null || Volatile.Read(ref _disposed) != 0 || !_socket.SendRtcp(packet, destination))
        {
            return false;
        }

        Interlocked.Increment(ref _rtcpSent);
        return true;
    }

    public RtpLegStatistics GetStatistics()
    {
        var stats = _stats;
        return new RtpLegStatistics(
            Interlocked.Read(ref _packetsReceived),
            Interlocked.Read(ref _bytesReceived),
            Interlocked.Read(ref _packetsSent),
            Interlocked.Read(ref _bytesSent),
            _filter.Dropped,
            Interlocked.Read(ref _malformed),
            Interlocked.Read(ref _rtcpReceived),
            Interlocked.Read(ref _rtcpSent),
            Math.Max(0, stats.CumulativeLost),
            stats.JitterMilliseconds,
            stats.Ssrc,
            SocketAddresses.ToEndPoint(_filter.Source));
    }

    void IRtpPacketSink.OnRtpPacket(Span<byte> packet, SocketAddress source)
    {
        if (!RtpPacket.TryParse(packet, out var rtp, out _))
        {
            // RFC 5761 muxed RTCP arriving on the RTP port is handled as RTCP.
            if (RtcpPacket.IsRtcp(packet))
            {
                ((IRtpPacketSink)this).OnRtcpPacket(packet, source);
                return;
            }

            Interlocked.Increment(ref _malformed);
            return;
        }

        var decision = _filter.Check(source, rtp.SequenceNumber);
        if (decision == RtpSourceDecision.Drop)
        {
            return;
        }

        if (decision == RtpSourceDecision.Learned && _logger.IsEnabled(LogLevel.Debug))
        {
            LogSourceLearned(_logger, Name, SocketAddresses.ToEndPoint(_filter.Source)?.ToString() ?? "?");
        }

        long now = _time.GetTimestamp();
        Volatile.Write(ref _lastReceived, now);

        // Written only by this leg's receive thread.
        _packetsReceived++;
        _bytesReceived += packet.Length;
        _continuity.RemoteSsrc = rtp.Ssrc;
        _continuity.HasRemoteSsrc = true;

        var media = Volatile.Read(ref _media);
        bool isEvent = media is not null && rtp.PayloadType == media.TelephoneEventPayloadType;
        _stats.Update(rtp.Ssrc, rtp.SequenceNumber, rtp.Timestamp, now, updateJitter: !isEvent);
        if (isEvent)
        {
            _dtmf.Process(rtp.Timestamp, rtp.Payload);
        }
        else
        {
            _dtmf.OnAudio(rtp.Timestamp);
        }

        Handler?.OnRtp(this, packet, rtp);
    }

    void IRtpPacketSink.OnRtcpPacket(Span<byte> packet, SocketAddress source)
    {
        if (!RtcpPacket.IsValidCompound(packet))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        // RTCP is accepted from the RTCP address in use or from the host RTP comes from (strict RTP applies to RTP).
        if (_options.StrictRtp != StrictRtpMode.No && _filter.Source is { } rtpSource && !SocketAddresses.SameHost(rtpSource, source))
        {
            return;
        }

        _rtcpFilter.Check(source, 0);
        Interlocked.Increment(ref _rtcpReceived);
        Handler?.OnRtcp(this, packet);
    }

    void IRtpPacketSink.CollectPrefetch(ref RtpPrefetchList list)
    {
        list.Add(this, 4);
        list.Add(_filter);
        list.Add(_filter.Source, 2);
        list.Add(_stats, 2);
        list.Add(_dtmf);
        list.Add(_continuity);
        list.Add(Volatile.Read(ref _media));
        if (Handler is { } handler)
        {
            list.Add(handler);
            handler.CollectPrefetch(this, ref list);
        }
    }

    /// <summary>Adds the objects <see cref="SendRtp(Span{byte}, long)"/> touches, to be prefetched by the thread that relays to this leg.</summary>
    internal void CollectSendPrefetch(ref RtpPrefetchList list)
    {
        list.Add(this, 4);
        list.Add(_options);
        list.Add(_filter);
        list.Add(RtpDestination, 2);
        list.Add(_continuity, 2); // and the lock it allocated right after itself
        _socket.CollectSendPrefetch(ref list);
    }

    /// <summary>
    /// The locked source of this leg's RTP and where its RTP goes, when the kernel could forward it: IPv4, the source
    /// learned, the outgoing stream untouched by <see cref="RtpStreamContinuity"/>, no rtp_timeout watch shorter than
    /// <see cref="MinKernelWatch"/>.
    /// </summary>
    internal bool TryGetKernelEndpoints([NotNullWhen(true)] out IPEndPoint? source, [NotNullWhen(true)] out IPEndPoint? destination)
    {
        source = null;
        destination = null;
        var watch = WatchTimeout;
        if ((watch > TimeSpan.Zero && watch < MinKernelWatch) || Volatile.Read(ref _disposed) != 0 || Media is null || _filter.IsLearning || !_continuity.IsUntouched
            || _socket.LocalRtpEndPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var learned = SocketAddresses.ToEndPoint(_filter.Source);
        var to = SocketAddresses.ToEndPoint(RtpDestination);
        if (learned is not { AddressFamily: AddressFamily.InterNetwork } || to is not { AddressFamily: AddressFamily.InterNetwork })
        {
            return false;
        }

        source = learned;
        destination = to;
        return true;
    }

    /// <summary>The kernel forwarded packets that arrived on this leg: they count as received for rtp_timeout.</summary>
    internal void NoteKernelPackets() => Volatile.Write(ref _lastReceived, _time.GetTimestamp());

    /// <summary>The kernel forwarded packets to this leg that the process did not see (see <see cref="RtpStreamContinuity.Resynchronize"/>).</summary>
    internal void OnKernelForwardingEnded() => _continuity.Resynchronize();

    /// <summary>Ends a DTMF digit still in progress (for example when the stream is re-negotiated).</summary>
    public void FlushDtmf() => _dtmf.Flush();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Handler = null;
        _socket.Dispose();
        _release?.Invoke(_socket.LocalRtpEndPoint.Port);
    }

    private sealed class DtmfRelay(RtpLeg leg) : IDtmfReceiver
    {
        public void OnDtmfBegin(char digit) => leg.DtmfListener?.OnDtmfBegin(leg, digit);

        public void OnDtmfEnd(char digit, int durationMs) => leg.DtmfListener?.OnDtmfEnd(leg, digit, durationMs);
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "{Leg}: remote RTP address set to {Remote} (strictrtp={Strict})")]
    private static partial void LogRemoteSet(ILogger logger, string leg, string remote, StrictRtpMode strict);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Debug, Message = "{Leg}: RTP source is now {Source}")]
    private static partial void LogSourceLearned(ILogger logger, string leg, string source);
}
