namespace Switchboard.Sdp;

/// <summary>
/// One m= section: "m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ..." with its c=, b= and a= lines.
/// rtpmap, fmtp, ptime, maxptime, rtcp and the direction are typed; other attributes stay in <see cref="Attributes"/>.
/// </summary>
public sealed class MediaDescription
{
    public string Media { get; set; } = "audio";

    /// <summary>Transport port; 0 means the stream is rejected or disabled.</summary>
    public int Port { get; set; }

    public int? PortCount { get; set; }

    public string Protocol { get; set; } = "RTP/AVP";

    /// <summary>The format list in order; for RTP profiles these are payload type numbers.</summary>
    public List<string> Formats { get; } = [];

    /// <summary>i= media title.</summary>
    public string? Title { get; set; }

    public SdpConnection? Connection { get; set; }

    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>k= line (obsolete, kept for round trips).</summary>
    public string? EncryptionKey { get; set; }

    public List<RtpMap> RtpMaps { get; } = [];

    public List<FormatParameters> FormatParameters { get; } = [];

    /// <summary>a=ptime in milliseconds.</summary>
    public int? Ptime { get; set; }

    /// <summary>a=maxptime in milliseconds.</summary>
    public int? MaxPtime { get; set; }

    public RtcpAttribute? Rtcp { get; set; }

    /// <summary>The media-level direction attribute; null when absent (the session level or sendrecv applies).</summary>
    public MediaDirection? Direction { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>True for RTP profiles (RTP/AVP, RTP/SAVP, RTP/AVPF, UDP/TLS/RTP/SAVPF ...).</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The payload types of <see cref="Formats"/> that are numbers 0-127, in order.</summary>
    public IEnumerable<int> PayloadTypes
    {
        get
        {
            foreach (var f in Formats)
            {
                if (int.TryParse(f, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pt) && pt <= 127)
                {
                    yield return pt;
                }
            }
        }
    }

    public RtpMap? FindRtpMap(int payloadType)
    {
        foreach (var m in RtpMaps)
        {
            if (m.PayloadType == payloadType)
            {
                return m;
            }
        }

        return null;
    }

    public FormatParameters? FindFormatParameters(int payloadType)
    {
        foreach (var f in FormatParameters)
        {
            if (f.PayloadType == payloadType)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>The first generic attribute with this name, or null.</summary>
    public SdpAttribute? FindAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }

        return null;
    }
}
