using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Common.Media;
using Switchboard.Common.Nft;
using Switchboard.Config.Rtp;
using Switchboard.Media.Relay;
using Switchboard.Sdp;
using Switchboard.Sdp.Negotiation;
using Switchboard.Transport.Rtp.Kernel;
using MediaStrictRtp = Switchboard.Media.Relay.StrictRtpMode;

namespace Switchboard.Core.Pjsip.Calls;

/// <summary>
/// The media side of calls: binds RTP legs from rtp.conf's port range and turns SDP offers/answers into what a leg
/// needs (remote address, negotiated codecs, telephone-event).
/// </summary>
internal sealed class CallMedia
{
    private readonly IRtpSocketFactory _sockets;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private RtpConfig _config;
    private RtpPortAllocator _ports;
    private NftKernelForwarding? _kernel;
    private int _kernelStarting;

    public CallMedia(RtpConfig config, IRtpSocketFactory sockets, ILoggerFactory loggers, TimeProvider time)
    {
        _config = config;
        _sockets = sockets;
        _loggers = loggers;
        _time = time;
        _ports = new RtpPortAllocator(config.RtpStart, config.RtpEnd, Random.Shared);
        ApplyKernelForwarding(config);
    }

    /// <summary>rtp.conf kernel_forwarding, once started (null: off, refused, or still starting).</summary>
    public NftKernelForwarding? KernelForwarding => Volatile.Read(ref _kernel);

    public RtpPortAllocator Ports => Volatile.Read(ref _ports);

    /// <summary>rtp.conf changed: new calls use the new range; legs of running calls release into the old allocator.</summary>
    public void Reload(RtpConfig config)
    {
        if (config.RtpStart != _config.RtpStart || config.RtpEnd != _config.RtpEnd)
        {
            Volatile.Write(ref _ports, new RtpPortAllocator(config.RtpStart, config.RtpEnd, Random.Shared));
        }

        _config = config;
        ApplyKernelForwarding(config);
    }

    /// <summary>Binds a new RTP leg on <paramref name="bind"/>; null with a reason when no port is free.</summary>
    public RtpLeg? TryCreateLeg(IPAddress bind, string name, bool symmetric, out string? error)
    {
        var ports = Ports;
        if (!ports.TryAllocate(_sockets, bind, out var socket, out error))
        {
            return null;
        }

        var options = new RtpLegOptions
        {
            Name = name,
            Symmetric = symmetric,
            StrictRtp = (MediaStrictRtp)(int)_config.StrictRtp,
            Probation = _config.Probation,
            DtmfTimeoutSamples = _config.DtmfTimeoutMs * 8,
            KernelForwarding = _config.KernelForwarding ? KernelForwarding : null,
        };
        return new RtpLeg(socket, options, _time, _loggers.CreateLogger("rtp"), ports.Release);
    }

    /// <summary>
    /// Starts kernel forwarding in the background when rtp.conf turns it on (new legs use it once nft has the table),
    /// and stops it when a reload turns it off (relays it forwarded come back to the process).
    /// </summary>
    private void ApplyKernelForwarding(RtpConfig config)
    {
        var log = _loggers.CreateLogger("rtp");
        if (!config.KernelForwarding)
        {
            Interlocked.Exchange(ref _kernel, null)?.Dispose();
            return;
        }

        if (Volatile.Read(ref _kernel) is not null || Interlocked.Exchange(ref _kernelStarting, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            var (forwarding, error) = await NftKernelForwarding.StartAsync(new NftProcessRunner(), log).ConfigureAwait(false);
            if (forwarding is null)
            {
                MediaLog.KernelForwardingRefused(log, error ?? "unknown");
            }
            else if (_config.KernelForwarding && Interlocked.CompareExchange(ref _kernel, forwarding, null) is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => forwarding.Dispose();
                MediaLog.KernelForwardingStarted(log, KernelForwardingScript.Table);
            }
            else
            {
                forwarding.Dispose();
            }

            Volatile.Write(ref _kernelStarting, 0);
        });
    }

    /// <summary>Answers <paramref name="offer"/> for a leg and installs the result on it; null when nothing matched.</summary>
    public static SdpAnswer Answer(SessionDescription offer, RtpLeg leg, IPAddress mediaAddress, IReadOnlyList<string> allowed, LocalSdpSession session, MediaDirection direction = MediaDirection.SendRecv)
    {
        var answer = SdpAnswerBuilder.CreateAnswer(offer, new AnswerOptions
        {
            MediaAddress = mediaAddress,
            AudioPort = leg.LocalRtpEndPoint.Port,
            AllowedCodecs = allowed,
            Direction = direction,
        }, session);
        if (answer.Succeeded)
        {
            Apply(leg, answer.Audio);
        }

        return answer;
    }

    /// <summary>An offer from a leg with <paramref name="codecs"/> (Asterisk codec names, preferred first).</summary>
    public static SessionDescription Offer(RtpLeg leg, IPAddress mediaAddress, IReadOnlyList<string> codecs, LocalSdpSession session, MediaDirection direction = MediaDirection.SendRecv)
        => SdpOfferBuilder.CreateOffer(new OfferOptions { MediaAddress = mediaAddress, AudioPort = leg.LocalRtpEndPoint.Port, Codecs = codecs, Direction = direction }, session);

    /// <summary>Installs a negotiated stream on a leg: remote address (none when on hold with 0.0.0.0) and codecs.</summary>
    public static void Apply(RtpLeg leg, NegotiatedStream stream)
    {
        if (!stream.Accepted || stream.Codecs.Count == 0)
        {
            return;
        }

        var codecs = new List<RtpCodecBinding>(stream.Codecs.Count);
        foreach (var c in stream.Codecs)
        {
            codecs.Add(new RtpCodecBinding(c.LocalPayloadType, c.Name, c.ClockRate, c.PayloadType));
        }

        var te = stream.TelephoneEvent;
        leg.SetMedia(new RtpLegMedia(codecs, te?.LocalPayloadType ?? -1, te?.ClockRate ?? 8000, te?.PayloadType));
        leg.SetRemote(stream.RemoteRtp, stream.RemoteRtcp);
    }

    /// <summary>Codec names of a negotiated stream, in order.</summary>
    public static List<string> CodecNames(NegotiatedStream stream)
    {
        var names = new List<string>(stream.Codecs.Count);
        foreach (var c in stream.Codecs)
        {
            names.Add(c.Name);
        }

        return names;
    }

    /// <summary><paramref name="preferred"/> restricted to <paramref name="allowed"/>, or <paramref name="allowed"/> when nothing is common.</summary>
    public static List<string> Intersect(IReadOnlyList<string> preferred, IReadOnlyList<string> allowed)
    {
        var result = new List<string>();
        foreach (var p in preferred)
        {
            foreach (var a in allowed)
            {
                if (a.Equals(p, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(a);
                    break;
                }
            }
        }

        return result.Count > 0 ? result : [.. allowed];
    }
}
