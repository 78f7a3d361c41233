using System.Net.Sockets;
using System.Text;

namespace Switchboard.Interop.Tests.CallFeatures;

/// <summary>A minimal AMI client over TCP: sends actions, collects every message (responses and events) it reads.</summary>
public sealed class AmiTestClient : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private readonly List<Dictionary<string, string>> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private NetworkStream? _stream;
    private Task? _reader;

    public static async Task<AmiTestClient> ConnectAsync(int port, string user, string secret)
    {
        var c = new AmiTestClient();
        await c._tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        c._stream = c._tcp.GetStream();
        c._reader = c.ReadLoopAsync();
        await c.SendAsync("Login", ("Username", user), ("Secret", secret), ("ActionID", "login"));
        var login = await c.WaitForAsync(m => m.GetValueOrDefault("ActionID") == "login" && m.ContainsKey("Response"), TimeSpan.FromSeconds(10));
        if (login["Response"] != "Success")
        {
            throw new InvalidOperationException("AMI login failed: " + login.GetValueOrDefault("Message"));
        }

        return c;
    }

    public IReadOnlyList<Dictionary<string, string>> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public async Task SendAsync(string action, params (string Key, string Value)[] headers)
    {
        var sb = new StringBuilder("Action: ").Append(action).Append("\r\n");
        foreach (var (k, v) in headers)
        {
            sb.Append(k).Append(": ").Append(v).Append("\r\n");
        }

        sb.Append("\r\n");
        await _stream!.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public async Task<Dictionary<string, string>> WaitForAsync(Func<Dictionary<string, string>, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var m in Messages)
            {
                if (match(m))
                {
                    return m;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("AMI message not seen; got:\n" + Dump());
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public string Dump()
    {
        var sb = new StringBuilder();
        foreach (var m in Messages)
        {
            foreach (var (k, v) in m)
            {
                sb.Append(k).Append(": ").Append(v).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                int n = await _stream!.ReadAsync(buffer);
                if (n == 0)
                {
                    return;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                while (true)
                {
                    var all = text.ToString();
                    int end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (end < 0)
                    {
                        break;
                    }

                    var block = all[..end];
                    text.Remove(0, end + 4);
                    var message = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var line in block.Split("\r\n"))
                    {
                        int colon = line.IndexOf(':', StringComparison.Ordinal);
                        if (colon > 0)
                        {
                            message.TryAdd(line[..colon], line[(colon + 1)..].Trim());
                        }
                    }

                    lock (_messages)
                    {
                        _messages.Add(message);
                    }

                    _arrived.Release();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _arrived.Dispose();
    }
}
