namespace Switchboard.Dialplan.Model;

/// <summary>A hint: <c>exten@context</c> watches a device list such as <c>PJSIP/alice&amp;PJSIP/bob</c>.</summary>
/// <param name="Exten">The extension.</param>
/// <param name="Context">The context.</param>
/// <param name="Devices">The device list as written.</param>
public sealed record HintEntry(string Exten, string Context, string Devices)
{
    /// <summary>The individual devices of the list (split on <c>&amp;</c>).</summary>
    public IReadOnlyList<string> DeviceList => Devices.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
