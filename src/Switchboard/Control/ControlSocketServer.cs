using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cli;

namespace Switchboard.Control;

/// <summary>
/// Serves the CLI registry on a Unix domain socket (mode 0600) so that <c>switchboard -rx</c> and <c>-r</c> reach the
/// running PBX, like asterisk.ctl.
/// </summary>
internal sealed partial class ControlSocketServer : IAsyncDisposable
{
    private const int MaxLineLength = 64 * 1024;
    private readonly CliCommandRegistry _registry;
    private readonly ILogger _log;
    private readonly string _path;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _listener;
    private Task? _acceptLoop;

    public ControlSocketServer(string path, CliCommandRegistry registry, ILogger log)
    {
        _path = path;
        _registry = registry;
        _log = log;
    }

    public string Path => _path;

    public void Start()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        if (File.Exists(_path))
        {
            File.Delete(_path); // stale socket of an earlier process
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        listener.Listen(16);
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener, _stop.Token);
        LogListening(_path);
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(ex.Message);
                continue;
            }

            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken ct)
    {
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
            while (!ct.IsCancellationRequested)
            {
                var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
                if (line is null || line.Trim() is "quit" or "exit")
                {
                    return;
                }

                if (line.Length > MaxLineLength)
                {
                    await writer.WriteAsync("Command line too long\n" + ControlProtocol.Terminator + "1\n").ConfigureAwait(false);
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                    continue;
                }

                var output = new StringWriter { NewLine = "\n" };
                int code = await _registry.ExecuteAsync(line, output, ct).ConfigureAwait(false);
                var text = output.ToString();
                if (text.Length > 0 && !text.EndsWith('\n'))
                {
                    text += "\n";
                }

                await writer.WriteAsync(text + ControlProtocol.Terminator + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n").ConfigureAwait(false);
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // client went away or server stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Control socket listening on {Path}")]
    private partial void LogListening(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control socket accept failed: {Reason}")]
    private partial void LogAcceptFailed(string reason);
}
