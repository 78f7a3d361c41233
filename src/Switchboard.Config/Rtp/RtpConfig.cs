namespace Switchboard.Config.Rtp;

/// <summary>Settings from rtp.conf [general]. Defaults are Asterisk's.</summary>
public sealed record RtpConfig
{
    /// <summary>rtp.conf absent: every default.</summary>
    public static RtpConfig Default { get; } = new();

    /// <summary>First RTP port (inclusive).</summary>
    public int RtpStart { get; init; } = 5000;

    /// <summary>Last RTP port (inclusive).</summary>
    public int RtpEnd { get; init; } = 31000;

    /// <summary>Strict RTP source checking.</summary>
    public StrictRtpMode StrictRtp { get; init; } = StrictRtpMode.Yes;

    /// <summary>Packets needed to learn a new source under strict RTP.</summary>
    public int Probation { get; init; } = 4;

    /// <summary>RTCP report interval in milliseconds (0 = RTCP disabled).</summary>
    public int RtcpIntervalMs { get; init; } = 5000;

    /// <summary>Verify UDP checksums on RTP.</summary>
    public bool RtpChecksums { get; init; }

    /// <summary>Milliseconds after which a DTMF digit without end packet is ended.</summary>
    public int DtmfTimeoutMs { get; init; } = 3000;

    /// <summary>
    /// kernel_forwarding (Switchboard's own; Asterisk has no equivalent): established relays whose packets pass unchanged
    /// are forwarded by the kernel (nftables; needs CAP_NET_ADMIN and net.ipv4.ip_forward = 1). Off by default.
    /// </summary>
    public bool KernelForwarding { get; init; }

    /// <summary>SRTP replay protection.</summary>
    public bool SrtpReplayProtection { get; init; } = true;

    /// <summary>Number of even ports available (RTP uses even ports, RTCP the next odd one).</summary>
    public int PortPairCount => Math.Max(0, ((RtpEnd - RtpStart) / 2) + 1);
}
