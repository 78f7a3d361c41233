namespace Switchboard.Hosting;

/// <summary>Where the seed configuration comes from (embedded in the executable, or a directory).</summary>
internal interface ISeedSource
{
    /// <summary>Human-readable origin for log lines.</summary>
    string Description { get; }

    /// <summary>The seed files, in a stable order.</summary>
    IReadOnlyList<SeedFile> Files();
}
