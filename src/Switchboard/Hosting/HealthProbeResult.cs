namespace Switchboard.Hosting;

/// <summary>Result of a SIP health probe: healthy when any SIP response came back.</summary>
/// <param name="StatusLine">The response's status line, when one came.</param>
/// <param name="Detail">What was tried and why it failed, for `switchboard healthcheck` output.</param>
internal sealed record HealthProbeResult(bool Healthy, string? StatusLine, string Detail);
