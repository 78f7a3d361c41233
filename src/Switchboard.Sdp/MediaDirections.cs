namespace Switchboard.Sdp;

/// <summary>Attribute names and RFC 3264 mapping rules for <see cref="MediaDirection"/>.</summary>
public static class MediaDirections
{
    /// <summary>The attribute name written for a direction.</summary>
    public static string ToAttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Recognises a direction attribute name (case-sensitive per RFC 8866, but tolerant of case).</summary>
    public static bool TryParse(string name, out MediaDirection direction)
    {
        if (string.Equals(name, "sendrecv", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.SendRecv;
            return true;
        }

        if (string.Equals(name, "sendonly", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.SendOnly;
            return true;
        }

        if (string.Equals(name, "recvonly", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.RecvOnly;
            return true;
        }

        if (string.Equals(name, "inactive", StringComparison.OrdinalIgnoreCase))
        {
            direction = MediaDirection.Inactive;
            return true;
        }

        direction = MediaDirection.SendRecv;
        return false;
    }

    /// <summary>True when the side that declared <paramref name="direction"/> sends media.</summary>
    public static bool Sends(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when the side that declared <paramref name="direction"/> receives media.</summary>
    public static bool Receives(this MediaDirection direction) =>
        direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>Builds a direction from send/receive flags.</summary>
    public static MediaDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => MediaDirection.SendRecv,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.RecvOnly,
        _ => MediaDirection.Inactive,
    };

    /// <summary>
    /// RFC 3264 §6.1: the answer's direction for an offered one, given what this side wants
    /// (<paramref name="desired"/>: sendrecv normally, sendonly while this side holds the call).
    /// An offered sendonly becomes recvonly (or inactive if we do not want to receive), recvonly becomes
    /// sendonly (or inactive), inactive stays inactive.
    /// </summary>
    public static MediaDirection Answer(MediaDirection offered, MediaDirection desired) =>
        From(offered.Receives() && desired.Sends(), offered.Sends() && desired.Receives());
}
