namespace Switchboard.Hosting;

/// <summary>Snapshot of one supervised component (for CLI output and tests).</summary>
internal sealed record ComponentStatus(string Name, ComponentState State, int Restarts, string? LastError);
