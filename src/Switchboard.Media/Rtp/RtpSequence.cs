namespace Switchboard.Media.Rtp;

/// <summary>Modular arithmetic for 16-bit RTP sequence numbers and 32-bit timestamps.</summary>
public static class RtpSequence
{
    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/> (-32768..32767), wrap-aware.</summary>
    public static int Delta(ushort to, ushort from) => (short)(ushort)(to - from);

    /// <summary>True when <paramref name="a"/> comes after <paramref name="b"/> (within half the number space).</summary>
    public static bool IsNewer(ushort a, ushort b) => Delta(a, b) > 0;

    /// <summary>Signed distance between two RTP timestamps, wrap-aware.</summary>
    public static int TimestampDelta(uint to, uint from) => (int)(to - from);

    /// <summary>True when timestamp <paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool IsNewerTimestamp(uint a, uint b) => TimestampDelta(a, b) > 0;
}
