using Microsoft.Extensions.Logging;
using Switchboard.Config.Diagnostics;
using Switchboard.Hosting;
using Switchboard.Hosting.Logging;
using Switchboard.WebSms.Configuration;
using Switchboard.WebSms.Outbound;

namespace Switchboard.Cli;

/// <summary><c>switchboard websms TO FROM BODY [INDEX]</c>: sends one SMS to the ITSP configured in websms.conf [websms].</summary>
internal static class WebSmsCommand
{
    /// <summary>
    /// $SWITCHBOARD_CONFIG_DIR (set by the running PBX for the programs it starts, so AGI(websms) reads the PBX's
    /// websms.conf), else &lt;data-dir&gt;/etc/asterisk.
    /// </summary>
    public static string DefaultConfigDir(string dataDir)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SWITCHBOARD_CONFIG_DIR");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Path.Combine(dataDir, "etc", "asterisk") : fromEnvironment;
    }

    public static async Task<int> RunAsync(string configDir, string to, string from, string body, string? index, CancellationToken ct)
    {
        var env = HostEnvironment.FromEnvironment();
        using var loggers = LoggingSetup.CreateFactory(env, out var provider, Console.Error);
        var log = loggers.CreateLogger("websms");
        try
        {
            var diagnostics = new DiagnosticBag();
            var config = WebSmsConfig.Load(configDir, diagnostics);
            foreach (var d in diagnostics.Items)
            {
                log.LogWarning("{Diagnostic}", d.ToString());
            }

            if (config.Outgoing.Setting("url_host") is null)
            {
                log.LogWarning("Config missing (url_host in [websms] of {Dir}/websms.conf); using default", configDir);
            }

            var result = await new WebSmsSender(config.Outgoing, log).SendAsync(to, from, body, string.IsNullOrEmpty(index) ? null : index, ct).ConfigureAwait(false);
            return result.Success ? 0 : 1;
        }
        finally
        {
            provider.Flush(TimeSpan.FromSeconds(2));
        }
    }
}
