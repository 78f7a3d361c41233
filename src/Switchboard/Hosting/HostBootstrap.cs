using Microsoft.Extensions.Logging;
using Switchboard.Hosting.Logging;
using Switchboard.Tls;

namespace Switchboard.Hosting;

/// <summary>
/// Container start-up duties, in the reference entrypoint's order: read the environment, set up
/// stdout logging by SYSLOG_LEVEL, create the /srv layout, seed an empty config dir, run entry.d,
/// prepare (not yet choose) the TLS certificate, hook SIGTERM /
/// SIGINT, register exit.d and the supervisor stop as shutdown steps.
/// </summary>
internal static partial class HostBootstrap
{
    public static HostServices Start(string dataDir, string? configDir, TimeProvider? time = null, TextWriter? output = null, bool installSignalHandlers = true, ISeedSource? seed = null)
    {
        time ??= TimeProvider.System;
        HostEnvironment env = HostEnvironment.FromEnvironment();
        ILoggerFactory loggers = LoggingSetup.CreateFactory(env, out StdoutLoggerProvider stdout, output, time);
        ILogger log = loggers.CreateLogger("Switchboard.Host");
        foreach (string warning in env.Warnings)
        {
            LogEnvironmentWarning(log, warning);
        }

        DataLayout layout = DataLayout.Create(dataDir, log, configDir, env);
        ConfigSeeder.SeedIfEmpty(layout.ConfigDir, seed ?? ConfigSeeder.DefaultSource(), log);

        var hookEnvironment = new Dictionary<string, string>
        {
            ["SWITCHBOARD_DATA_DIR"] = layout.DataDir,
            ["SWITCHBOARD_CONFIG_DIR"] = layout.ConfigDir,
            ["HOSTNAME"] = env.HostName,
            ["DOMAIN"] = env.Domain,
        };
        // Programs the PBX starts (AGI scripts such as websms, hooks) find the same layout without options.
        Environment.SetEnvironmentVariable("SWITCHBOARD_DATA_DIR", layout.DataDir);
        Environment.SetEnvironmentVariable("SWITCHBOARD_CONFIG_DIR", layout.ConfigDir);
        var hooks = new HookRunner(loggers.CreateLogger("Switchboard.Hooks"), environment: hookEnvironment);
        hooks.Run(layout.EntryHooksDir);

        var certificates = new CertificateProvider();
        var tls = new TlsCertificateManager(
            new TlsOptions
            {
                CertFile = layout.CertFile,
                KeyFile = layout.KeyFile,
                HostName = env.HostName,
                Domain = env.Domain,
                KeyBits = env.TlsKeyBits,
                CertDays = env.TlsCertDays,
                AcmeFile = env.AcmeFile,
                AcmePostHook = env.AcmePostHook,
            },
            certificates,
            loggers.CreateLogger("Switchboard.Tls"),
            time);

        var shutdown = new ShutdownCoordinator(loggers.CreateLogger("Switchboard.Shutdown"), time);
        if (installSignalHandlers)
        {
            shutdown.InstallSignalHandlers();
        }

        var supervisor = new ComponentSupervisor(loggers.CreateLogger("Switchboard.Supervisor"), time);
        // The certificate is chosen (and a self-signed one generated) only when a TLS transport is
        // configured: PbxHost calls HostServices.EnsureTlsStarted(), so a UDP/TCP-only PBX starts fast.

        // Background loops stop first; exit hooks after the PBX saved its state.
        shutdown.Register(ShutdownPhase.StopAccepting, "background components", supervisor.StopAsync, TimeSpan.FromSeconds(2));
        shutdown.Register(ShutdownPhase.ExitHooks, "exit.d", ct => hooks.RunAsync(layout.ExitHooksDir, ct), TimeSpan.FromSeconds(4));
        shutdown.Register(ShutdownPhase.Final, "flush logs", _ =>
        {
            stdout.Flush(TimeSpan.FromMilliseconds(500));
            return Task.CompletedTask;
        });

        LogStarted(log, env.HostName, layout.DataDir, layout.ConfigDir, env.SyslogLevel);
        return new HostServices(env, loggers, stdout, layout, certificates, tls, shutdown, supervisor, time);
    }

    [LoggerMessage(EventId = 5060, Level = LogLevel.Warning, Message = "environment: {Warning}")]
    private static partial void LogEnvironmentWarning(ILogger log, string warning);

    [LoggerMessage(EventId = 5061, Level = LogLevel.Information, Message = "host {Host}: data {DataDir}, config {ConfigDir}, SYSLOG_LEVEL {Level}")]
    private static partial void LogStarted(ILogger log, string host, string dataDir, string configDir, int level);
}
