namespace Switchboard.Hosting;

/// <summary>Result of <see cref="ConfigSeeder.SeedIfEmpty(string, ISeedSource, Microsoft.Extensions.Logging.ILogger)"/>.</summary>
internal sealed record SeedResult(SeedOutcome Outcome, IReadOnlyList<string> CopiedFiles, IReadOnlyList<string> Errors);
