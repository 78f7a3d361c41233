namespace Switchboard.Sdp;

/// <summary>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;].</summary>
public sealed class RtpMap
{
    public RtpMap(int payloadType, string encodingName, int clockRate, int? channels = null)
    {
        PayloadType = payloadType;
        EncodingName = encodingName;
        ClockRate = clockRate;
        Channels = channels;
    }

    public int PayloadType { get; }

    public string EncodingName { get; }

    public int ClockRate { get; }

    /// <summary>Encoding parameters (channel count for audio) when present.</summary>
    public int? Channels { get; }

    public override string ToString() =>
        Channels is { } ch ? $"{PayloadType} {EncodingName}/{ClockRate}/{ch}" : $"{PayloadType} {EncodingName}/{ClockRate}";
}
