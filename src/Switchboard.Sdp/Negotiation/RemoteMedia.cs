using System.Net;

namespace Switchboard.Sdp.Negotiation;

/// <summary>Extracts where to send RTP and RTCP from a remote m= section.</summary>
internal static class RemoteMedia
{
    public static (IPEndPoint? Rtp, IPEndPoint? Rtcp, string? Address) Endpoints(SessionDescription sdp, MediaDescription media)
    {
        var connection = sdp.ConnectionFor(media);
        if (connection is null || media.Port == 0)
        {
            return (null, null, connection?.Address);
        }

        if (connection.IsHoldAddress || !connection.TryGetIPAddress(out var address))
        {
            return (null, null, connection.Address);
        }

        var rtp = new IPEndPoint(address, media.Port);
        IPEndPoint? rtcp;
        if (media.Rtcp is { } attribute)
        {
            var rtcpAddress = address;
            if (attribute.Connection is { } c && c.TryGetIPAddress(out var a))
            {
                rtcpAddress = a;
            }

            rtcp = new IPEndPoint(rtcpAddress, attribute.Port);
        }
        else
        {
            rtcp = media.Port < 65535 ? new IPEndPoint(address, media.Port + 1) : null;
        }

        return (rtp, rtcp, connection.Address);
    }

    /// <summary>True for the RTP/AVP profile we can serve (no SRTP, no AVPF feedback yet).</summary>
    public static bool IsPlainRtpAvp(MediaDescription media) =>
        string.Equals(media.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase);
}
