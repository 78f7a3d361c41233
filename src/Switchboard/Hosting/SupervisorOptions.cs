namespace Switchboard.Hosting;

/// <summary>Restart backoff of <see cref="ComponentSupervisor"/>: initial, doubling up to max, reset after a stable run.</summary>
internal sealed record SupervisorOptions
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A component that ran this long before failing restarts after <see cref="InitialBackoff"/> again.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);
}
