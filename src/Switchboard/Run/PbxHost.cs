using Microsoft.Extensions.Logging;
using Switchboard.Cli;
using Switchboard.Control;
using Switchboard.Core.Cli;
using Switchboard.Hosting;

namespace Switchboard.Run;

/// <summary>The composition root of a running PBX: builds every component from the configuration and runs them.</summary>
internal sealed class PbxHost : IAsyncDisposable
{
    private readonly RunOptions _options;
    private readonly HostServices _host;
    private readonly ILoggerFactory _loggers;
    private readonly CliCommandRegistry _cli = new();
    private ControlSocketServer? _control;

    private PbxHost(RunOptions options)
    {
        _options = options;

        // Container duties first: env, stdout logging, /srv layout, seeding, entry.d, TLS certificate, signals.
        _host = HostBootstrap.Start(options.DataDir, options.ConfigDir);
        _loggers = _host.LoggerFactory;
    }

    public static PbxHost Create(RunOptions options) => new(options);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        _control = new ControlSocketServer(ControlProtocol.SocketPath(_options.DataDir), _cli, _loggers.CreateLogger("control"));
        _control.Start();
        _host.Shutdown.Register(ShutdownPhase.StopAccepting, "control socket", async _ => await StopControlAsync().ConfigureAwait(false));

        // SIGTERM/SIGINT (or ct) -> StopAccepting, EndCalls, SaveState, exit.d, Final; exit code 0.
        return await _host.RunUntilShutdownAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopControlAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopControlAsync()
    {
        ControlSocketServer? control = Interlocked.Exchange(ref _control, null);
        if (control is not null)
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }
    }
}
