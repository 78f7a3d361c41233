using Microsoft.Extensions.Logging;
using Switchboard.Hosting.Logging;
using Switchboard.Tls;

namespace Switchboard.Hosting;

/// <summary>
/// What <see cref="HostBootstrap.Start"/> prepared for the PBX: environment, logging, the /srv
/// layout (created and seeded), the TLS certificate provider (already holding a certificate), the
/// shutdown coordinator (signals hooked; exit.d registered) and the component supervisor (the
/// certificate watcher already runs under it). The composition root adds its own components and
/// stop callbacks, then awaits <see cref="RunUntilShutdownAsync"/>.
/// </summary>
internal sealed class HostServices : IAsyncDisposable
{
    private int _tlsStarted;

    internal HostServices(
        HostEnvironment environment,
        ILoggerFactory loggerFactory,
        StdoutLoggerProvider? stdout,
        DataLayout layout,
        CertificateProvider certificates,
        TlsCertificateManager tls,
        ShutdownCoordinator shutdown,
        ComponentSupervisor supervisor,
        TimeProvider time)
    {
        Environment = environment;
        LoggerFactory = loggerFactory;
        Stdout = stdout;
        Layout = layout;
        Certificates = certificates;
        Tls = tls;
        Shutdown = shutdown;
        Supervisor = supervisor;
        Time = time;
    }

    public HostEnvironment Environment { get; }

    public ILoggerFactory LoggerFactory { get; }

    public DataLayout Layout { get; }

    /// <summary>Hand <c>Certificates.Selector</c> (or <c>CurrentContext</c>) to the TLS transport.</summary>
    public CertificateProvider Certificates { get; }

    public ShutdownCoordinator Shutdown { get; }

    public ComponentSupervisor Supervisor { get; }

    public TimeProvider Time { get; }

    internal TlsCertificateManager Tls { get; }

    /// <summary>True once the TLS certificate was chosen and is being watched.</summary>
    public bool TlsStarted => Volatile.Read(ref _tlsStarted) != 0;

    /// <summary>
    /// Chooses the TLS certificate (ACME, the PEM files, or a generated self-signed one) and starts watching it,
    /// once. Called when the configuration has a TLS transport, at start or on a reload that adds one.
    /// </summary>
    public void EnsureTlsStarted()
    {
        if (Interlocked.Exchange(ref _tlsStarted, 1) != 0)
        {
            return;
        }

        Tls.Initialize();
        Supervisor.Start("tls-certificates", Tls.RunAsync);
    }

    internal StdoutLoggerProvider? Stdout { get; }

    /// <summary>Waits for SIGTERM/SIGINT (or <paramref name="cancellationToken"/>), runs the stop callbacks, returns the exit code.</summary>
    public async Task<int> RunUntilShutdownAsync(CancellationToken cancellationToken = default)
    {
        using CancellationTokenRegistration link = cancellationToken.Register(static s => ((ShutdownCoordinator)s!).RequestShutdown("cancelled"), Shutdown);
        return await Shutdown.WaitAndRunAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync().ConfigureAwait(false);
        Tls.Dispose();
        Shutdown.Dispose();
        Stdout?.Flush(TimeSpan.FromSeconds(1));
        LoggerFactory.Dispose();
    }
}
