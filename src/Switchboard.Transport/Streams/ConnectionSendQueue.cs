using System.Threading.Channels;
using Switchboard.Common.Buffers;

namespace Switchboard.Transport.Streams;

/// <summary>
/// Ordered send queue of one connection: senders copy whole messages in (never interleaved), one writer loop drains
/// them to the stream. The byte limit protects memory against a peer that stops reading.
/// </summary>
internal sealed class ConnectionSendQueue
{
    private const int CoalesceLimit = 16 * 1024;
    private readonly Channel<PooledBuffer> _channel = Channel.CreateUnbounded<PooledBuffer>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly IBufferPool _pool;
    private readonly int _maxQueuedBytes;
    private long _queuedBytes;

    public ConnectionSendQueue(IBufferPool pool, int maxQueuedBytes)
    {
        _pool = pool;
        _maxQueuedBytes = maxQueuedBytes;
    }

    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    public SendStatus Enqueue(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return SendStatus.Queued;
        }

        long queued = Interlocked.Add(ref _queuedBytes, data.Length);
        if (queued > _maxQueuedBytes && queued != data.Length)
        {
            Interlocked.Add(ref _queuedBytes, -data.Length);
            return SendStatus.QueueFull;
        }

        var buffer = PooledBuffer.CopyOf(data, _pool);
        if (!_channel.Writer.TryWrite(buffer))
        {
            buffer.Dispose();
            Interlocked.Add(ref _queuedBytes, -data.Length);
            return SendStatus.Closed;
        }

        return SendStatus.Queued;
    }

    /// <summary>No more sends; the writer loop ends once it sees the completion.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>
    /// Writes queued messages to <paramref name="stream"/> until the queue completes or <paramref name="token"/>
    /// fires. Consecutive small messages are coalesced into one write (one TLS record, one syscall).
    /// </summary>
    /// <remarks>Never peeks the channel: peeking freezes the underlying queue's segment and costs an allocation.</remarks>
    public async Task WriteLoopAsync(Stream stream, StreamConnection owner, CancellationToken token)
    {
        var reader = _channel.Reader;
        byte[]? batch = null;
        var carry = default(PooledBuffer);
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (carry.IsAllocated || reader.TryRead(out carry))
                {
                    var item = carry.Transfer();
                    if (item.Length < CoalesceLimit && reader.TryRead(out carry))
                    {
                        batch ??= _pool.Rent(CoalesceLimit);
                        int filled = Append(batch, 0, ref item);
                        int messages = 1;
                        while (carry.IsAllocated && filled + carry.Length <= CoalesceLimit)
                        {
                            filled = Append(batch, filled, ref carry);
                            messages++;
                            if (!reader.TryRead(out carry))
                            {
                                carry = default;
                            }
                        }

                        try
                        {
                            await stream.WriteAsync(batch.AsMemory(0, filled), token).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Add(ref _queuedBytes, -filled);
                        }

                        owner.OnWritten(messages, filled);
                        continue;
                    }

                    int length = item.Length;
                    try
                    {
                        await stream.WriteAsync(item.Memory, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Add(ref _queuedBytes, -length);
                        item.Dispose();
                    }

                    owner.OnWritten(1, length);
                }

                await stream.FlushAsync(token).ConfigureAwait(false);
                if (batch is not null)
                {
                    _pool.Return(batch);
                    batch = null;
                }
            }
        }
        finally
        {
            carry.Dispose();
            if (batch is not null)
            {
                _pool.Return(batch);
            }
        }
    }

    /// <summary>Returns every still-queued buffer to the pool; call after the writer loop ended.</summary>
    public void Drain()
    {
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var item))
        {
            Interlocked.Add(ref _queuedBytes, -item.Length);
            item.Dispose();
        }
    }

    private static int Append(byte[] batch, int offset, ref PooledBuffer item)
    {
        item.Span.CopyTo(batch.AsSpan(offset));
        int end = offset + item.Length;
        item.Dispose();
        return end;
    }
}
