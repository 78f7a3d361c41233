using Switchboard.Common.Media;

namespace Switchboard.Media.Relay;

/// <summary>Per-leg RTP behaviour from rtp.conf and the endpoint (rtp_symmetric, strictrtp, probation).</summary>
public sealed record RtpLegOptions
{
    /// <summary>Endpoint rtp_symmetric: send to where the remote's packets come from, not to the SDP address.</summary>
    public bool Symmetric { get; init; }

    /// <summary>rtp.conf strictrtp (Asterisk's default is yes).</summary>
    public StrictRtpMode StrictRtp { get; init; } = StrictRtpMode.Yes;

    /// <summary>rtp.conf probation (default 4).</summary>
    public int Probation { get; init; } = 4;

    /// <summary>rtp.conf dtmftimeout in samples (default 3000).</summary>
    public int DtmfTimeoutSamples { get; init; } = 3000;

    /// <summary>
    /// rtp.conf kernel_forwarding: where a relay between two legs sharing it hands its established, unchanged packet
    /// flow to the kernel (null: every packet goes through the process).
    /// </summary>
    public IKernelForwarding? KernelForwarding { get; init; }

    /// <summary>A name for logs (the channel name).</summary>
    public string Name { get; init; } = "rtp";
}
