namespace Switchboard.Sdp;

/// <summary>
/// A parsed or built SDP body (RFC 8866). Parse with <see cref="Parsing.SdpParser"/>, write with
/// <see cref="Writing.SdpWriter"/>. Strings are used freely here: SDP is handled once per offer/answer,
/// not per packet.
/// </summary>
public sealed class SessionDescription
{
    /// <summary>v= (always 0).</summary>
    public int Version { get; set; }

    public SdpOrigin Origin { get; set; } = new();

    /// <summary>s= ("-" when there is nothing to say).</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>i= session information.</summary>
    public string? Information { get; set; }

    /// <summary>u= URI.</summary>
    public string? Uri { get; set; }

    public List<string> Emails { get; } = [];

    public List<string> Phones { get; } = [];

    /// <summary>Session-level c=; applies to every m= section that has none.</summary>
    public SdpConnection? Connection { get; set; }

    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>t= lines (with their r= lines). When empty, "t=0 0" is written.</summary>
    public List<SdpTiming> Timings { get; } = [];

    /// <summary>z= line, kept as text.</summary>
    public string? TimeZones { get; set; }

    /// <summary>k= line (obsolete, kept for round trips).</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Session-level direction attribute; null when absent.</summary>
    public MediaDirection? Direction { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    public List<MediaDescription> Media { get; } = [];

    /// <summary>The c= that applies to <paramref name="media"/>: its own, else the session's.</summary>
    public SdpConnection? ConnectionFor(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The direction that applies to <paramref name="media"/>: media level, else session level, else sendrecv.</summary>
    public MediaDirection DirectionFor(MediaDescription media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;

    /// <summary>
    /// True when the stream is put on hold by its sender: a=sendonly or a=inactive, or the RFC 2543
    /// form c=0.0.0.0 (both are what Asterisk treats as hold).
    /// </summary>
    public bool IsHold(MediaDescription media)
    {
        var direction = DirectionFor(media);
        if (direction is MediaDirection.SendOnly or MediaDirection.Inactive)
        {
            return true;
        }

        return ConnectionFor(media) is { IsHoldAddress: true };
    }
}
