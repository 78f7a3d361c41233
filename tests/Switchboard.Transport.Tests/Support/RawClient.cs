using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Transport.Tests.Support;

/// <summary>A plain TCP client socket for feeding exact bytes to a transport and reading what comes back.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly List<byte> _pending = [];

    private RawClient(Socket socket) => Socket = socket;

    public Socket Socket { get; }

    public PeerAddress LocalAddress => PeerAddress.FromEndPoint((IPEndPoint)Socket.LocalEndPoint!);

    public static async Task<RawClient> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server).WaitAsync(TestTimeouts.Default);
        return new RawClient(socket);
    }

    /// <summary>
    /// Connects expecting the server to refuse (RST) at once; true when the connection is refused or closed
    /// without the server reading anything.
    /// </summary>
    public static async Task<bool> IsRefusedAsync(IPEndPoint server, byte[] probe)
    {
        try
        {
            using var client = await ConnectAsync(server);
            try
            {
                await client.SendAsync(probe);
            }
            catch (SocketException)
            {
                return true;
            }

            return await client.WaitForCloseAsync();
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public async Task SendAsync(byte[] data) => await Socket.SendAsync(data);

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads until <paramref name="count"/> bytes arrived (bounded by the test timeout).</summary>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        var buffer = new byte[4096];
        while (_pending.Count < count)
        {
            int n = await Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                throw new IOException("connection closed");
            }

            _pending.AddRange(buffer.AsSpan(0, n));
        }

        var result = _pending.GetRange(0, count).ToArray();
        _pending.RemoveRange(0, count);
        return result;
    }

    /// <summary>True when the server closes the connection (EOF or reset) within the test timeout.</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int n = await Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => Socket.Dispose();
}
