using System.Net.Sockets;
using System.Text;

namespace Switchboard.Control;

/// <summary>Client side of the control socket: <c>switchboard -rx "cmd"</c> and the interactive <c>-r</c> console.</summary>
internal sealed class ControlClient : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private ControlClient(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>Connects, or returns null with a reason when no PBX is listening at <paramref name="path"/>.</summary>
    public static ControlClient? TryConnect(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"Unable to connect to remote switchboard (does {path} exist?)";
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new ControlClient(socket);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            error = $"Unable to connect to remote switchboard at {path}: {ex.Message}";
            return null;
        }
    }

    /// <summary>Runs one command, copying its output to <paramref name="output"/>; returns its exit code.</summary>
    public async Task<int> ExecuteAsync(string command, TextWriter output, CancellationToken ct)
    {
        await _writer.WriteLineAsync(command.Replace('\n', ' ')).ConfigureAwait(false);
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                await output.WriteLineAsync("Disconnected from switchboard").ConfigureAwait(false);
                return 1;
            }

            if (line.Length > 0 && line[0] == ControlProtocol.Terminator)
            {
                return int.TryParse(line.AsSpan(1), out int code) ? code : 1;
            }

            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
