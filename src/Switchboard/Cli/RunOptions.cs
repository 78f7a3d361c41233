namespace Switchboard.Cli;

/// <summary>Options of the run command. <paramref name="Demo"/> selects the embedded demo configuration.</summary>
internal sealed record RunOptions(string DataDir, string? ConfigDir, bool Demo);
