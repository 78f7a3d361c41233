using Switchboard.Media.Relay;

namespace Switchboard.Media.Tests.Support;

/// <summary>An rtp_timeout listener for tests that only need a watch to be running.</summary>
internal sealed class NoRtpTimeouts : IRtpTimeoutListener
{
    public void OnRtpTimeout(RtpLeg leg, TimeSpan silence)
    {
    }
}
