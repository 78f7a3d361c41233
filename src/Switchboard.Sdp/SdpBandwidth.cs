namespace Switchboard.Sdp;

/// <summary>A b= line: "&lt;type&gt;:&lt;kbps&gt;" (CT, AS, RS, RR, TIAS ...).</summary>
public sealed class SdpBandwidth
{
    public SdpBandwidth(string type, ulong value)
    {
        Type = type;
        Value = value;
    }

    public string Type { get; }

    public ulong Value { get; }
}
