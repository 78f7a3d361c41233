namespace Switchboard.Sdp;

/// <summary>A t= line with its r= repeat lines (kept as text).</summary>
public sealed class SdpTiming
{
    public ulong Start { get; set; }

    public ulong Stop { get; set; }

    public List<string> Repeats { get; } = [];
}
