namespace Switchboard.Hosting;

/// <summary>What <see cref="ConfigSeeder"/> did.</summary>
internal enum SeedOutcome
{
    /// <summary>The config dir was empty and the seed files were copied.</summary>
    Seeded,

    /// <summary>The config dir already holds files; nothing was touched.</summary>
    NotEmpty,

    /// <summary>The config dir was empty but the seed source has no files.</summary>
    NoSeedFiles,

    /// <summary>The config dir could not be read or written; see the errors.</summary>
    Failed,
}
