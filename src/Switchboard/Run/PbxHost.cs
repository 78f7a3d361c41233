using Microsoft.Extensions.Logging;
using Switchboard.Cli;
using Switchboard.Control;
using Switchboard.Core.Cli;

namespace Switchboard.Run;

/// <summary>The composition root of a running PBX: builds every component from the configuration and runs them.</summary>
internal sealed class PbxHost : IAsyncDisposable
{
    private readonly RunOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly CliCommandRegistry _cli = new();
    private ControlSocketServer? _control;

    private PbxHost(RunOptions options)
    {
        _options = options;
        _loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
    }

    public static PbxHost Create(RunOptions options) => new(options);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var log = _loggers.CreateLogger("switchboard");
        _control = new ControlSocketServer(ControlProtocol.SocketPath(_options.DataDir), _cli, _loggers.CreateLogger("control"));
        _control.Start();
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        log.LogInformation("Stopping");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync().ConfigureAwait(false);
        }

        _loggers.Dispose();
    }
}
