using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

internal static class RtpHeaderAccess
{
    public static void Set(byte[] packet, ushort seq, uint ts)
    {
        RtpHeader.SetSequenceNumber(packet, seq);
        RtpHeader.SetTimestamp(packet, ts);
    }
}
