using System.Net;
using System.Text;
using Switchboard.TestKit.Net;

namespace Switchboard.Interop.Tests.Messaging;

/// <summary>An HTTP server on 127.0.0.1 that records requests and answers {"status":"ok"} (503 for the first failFirst).</summary>
internal sealed class FakeItsp : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<ItspRequest> _requests = [];
    private int _failFirst;

    private FakeItsp(int failFirst)
    {
        _failFirst = failFirst;
        Port = FreePort.Tcp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = LoopAsync();
    }

    public int Port { get; }

    /// <summary>A snapshot of the requests received so far.</summary>
    public IReadOnlyList<ItspRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static FakeItsp Start(int failFirst = 0) => new(failFirst);

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests arrived; returns the snapshot.</summary>
    public async Task<IReadOnlyList<ItspRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Requests;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_requests)
            {
                _requests.Add(new ItspRequest(ctx.Request.Url!.AbsolutePath, ctx.Request.Headers["Authorization"], ctx.Request.ContentType, body));
            }

            bool fail = Interlocked.Decrement(ref _failFirst) >= 0;
            ctx.Response.StatusCode = fail ? 503 : 200;
            var answer = Encoding.UTF8.GetBytes(fail ? "busy" : "{\"status\":\"ok\"}");
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(answer);
            ctx.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
