using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Manager.Tests;

/// <summary>A minimal AMI client for tests: sends actions, reads whole messages (bounded by a timeout).</summary>
internal sealed class AmiTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private int _nextId;

    private AmiTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public string Banner { get; private set; } = string.Empty;

    public static async Task<AmiTestClient> ConnectAsync(IPEndPoint endPoint)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint);
        var client = new AmiTestClient(tcp);
        client.Banner = await client.ReadLineAsync() ?? string.Empty;
        return client;
    }

    public async Task SendRawAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _stream.WriteAsync(bytes);
    }

    public Task SendAsync(string action, params (string Key, string Value)[] headers)
    {
        var sb = new StringBuilder("Action: ").Append(action).Append("\r\n");
        foreach (var (k, v) in headers)
        {
            sb.Append(k).Append(": ").Append(v).Append("\r\n");
        }

        return SendRawAsync(sb.Append("\r\n").ToString());
    }

    /// <summary>Sends an action with a fresh ActionID and returns its response (events in between are skipped).</summary>
    public async Task<AmiReply> ActionAsync(string action, params (string Key, string Value)[] headers)
    {
        var id = "t" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(action, [.. headers, ("ActionID", id)]);
        while (true)
        {
            var m = await ReadMessageAsync() ?? throw new IOException("connection closed before the response to " + action);
            if (m.Has("Response") && m["ActionID"] == id)
            {
                return m;
            }
        }
    }

    /// <summary>Reads messages until one satisfies <paramref name="match"/>.</summary>
    public async Task<AmiReply> WaitForAsync(Func<AmiReply, bool> match)
    {
        while (true)
        {
            var m = await ReadMessageAsync() ?? throw new IOException("connection closed while waiting");
            if (match(m))
            {
                return m;
            }
        }
    }

    public async Task<AmiReply?> ReadMessageAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            if (line is null)
            {
                return lines.Count == 0 ? null : new AmiReply(lines);
            }

            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    return new AmiReply(lines);
                }

                continue;
            }

            lines.Add(line);
        }
    }

    /// <summary>True when the server closes the connection within the timeout (reads and discards data).</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            while (await _reader.ReadLineAsync(cts.Token) is not null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task<string?> ReadLineAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            return await _reader.ReadLineAsync(cts.Token);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
