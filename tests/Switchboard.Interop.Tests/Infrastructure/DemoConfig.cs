using Switchboard.Hosting;

namespace Switchboard.Interop.Tests.Infrastructure;

/// <summary>The embedded demo configuration (the one `switchboard` runs without arguments) with the SIP port made free.</summary>
public static class DemoConfig
{
    public static Dictionary<string, string> Files()
    {
        var files = new Dictionary<string, string>();
        foreach (var f in EmbeddedSeedSource.Demo().Files())
        {
            using var reader = new StreamReader(f.Open());
            files[f.RelativePath] = reader.ReadToEnd().Replace("127.0.0.1:5060", "127.0.0.1:{SIP_PORT}", StringComparison.Ordinal);
        }

        return files;
    }
}
