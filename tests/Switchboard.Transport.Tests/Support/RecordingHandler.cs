using System.Collections.Concurrent;
using System.Text;

namespace Switchboard.Transport.Tests.Support;

/// <summary>Records what a transport delivers; optionally reacts (echo, throw) on each message.</summary>
internal sealed class RecordingHandler : ITransportHandler
{
    private readonly ConcurrentQueue<Received> _messages = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentQueue<RemotePeer> _closed = new();
    private readonly SemaphoreSlim _closedSignal = new(0);
    private int _keepAlives;

    /// <summary>Called after recording, on the receive loop.</summary>
    public Action<byte[], RemotePeer, LocalTransportInfo>? OnReceived { get; set; }

    public IReadOnlyCollection<Received> Messages => _messages;

    public int KeepAlives => Volatile.Read(ref _keepAlives);

    public int ClosedCount => _closed.Count;

    public void OnMessage(ReadOnlyMemory<byte> data, in RemotePeer peer, LocalTransportInfo local)
    {
        var copy = data.ToArray();
        _messages.Enqueue(new Received(copy, peer, local));
        _signal.Release();
        OnReceived?.Invoke(copy, peer, local);
    }

    public void OnKeepAlive(ReadOnlySpan<byte> data, in RemotePeer peer, LocalTransportInfo local)
    {
        Interlocked.Increment(ref _keepAlives);
    }

    public void OnConnectionClosed(in RemotePeer peer, LocalTransportInfo local)
    {
        _closed.Enqueue(peer);
        _closedSignal.Release();
    }

    public async Task<Received> NextAsync(TimeSpan? timeout = null)
    {
        if (!await _signal.WaitAsync(timeout ?? TestTimeouts.Default))
        {
            throw new TimeoutException("No message arrived in time.");
        }

        _messages.TryDequeue(out var message);
        return message!;
    }

    public async Task<List<Received>> TakeAsync(int count, TimeSpan? timeout = null)
    {
        var list = new List<Received>(count);
        for (int i = 0; i < count; i++)
        {
            list.Add(await NextAsync(timeout));
        }

        return list;
    }

    public async Task WaitClosedAsync(TimeSpan? timeout = null)
    {
        if (!await _closedSignal.WaitAsync(timeout ?? TestTimeouts.Default))
        {
            throw new TimeoutException("No connection closed in time.");
        }
    }

    /// <summary>True when nothing arrives within a short grace period (for "must not be delivered" checks).</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan? grace = null)
    {
        return !await _signal.WaitAsync(grace ?? TimeSpan.FromMilliseconds(300));
    }

    internal sealed record Received(byte[] Data, RemotePeer Peer, LocalTransportInfo Local)
    {
        public string Text => Encoding.UTF8.GetString(Data);
    }
}
