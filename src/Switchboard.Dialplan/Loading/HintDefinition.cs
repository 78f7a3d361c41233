namespace Switchboard.Dialplan.Loading;

/// <summary>A hint added by someone other than extensions.conf (e.g. the PJSIP wizard's <c>has_hint</c>).</summary>
/// <param name="Exten">The extension (e.g. <c>+12025550160</c>).</param>
/// <param name="Context">The context (e.g. <c>dp_lookup</c>); created when missing.</param>
/// <param name="Devices">The device list (e.g. <c>PJSIP/john.doe</c>).</param>
/// <param name="Source">Who added it, for messages (e.g. <c>pjsip_wizard.conf:12</c>).</param>
public sealed record HintDefinition(string Exten, string Context, string Devices, string Source);
