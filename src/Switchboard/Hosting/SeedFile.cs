namespace Switchboard.Hosting;

/// <summary>One seed configuration file: its path relative to the config dir ('/'-separated) and its content.</summary>
internal sealed record SeedFile(string RelativePath, Func<Stream> Open);
