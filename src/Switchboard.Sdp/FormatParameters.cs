namespace Switchboard.Sdp;

/// <summary>a=fmtp:&lt;format&gt; &lt;parameters&gt; for one payload type.</summary>
public sealed class FormatParameters
{
    public FormatParameters(int payloadType, string parameters)
    {
        PayloadType = payloadType;
        Parameters = parameters;
    }

    public int PayloadType { get; }

    /// <summary>The format-specific text, e.g. "0-16" or "annexb=no" or "useinbandfec=1;stereo=0".</summary>
    public string Parameters { get; }

    public override string ToString() => $"{PayloadType} {Parameters}";
}
