using System.Text;
using System.Threading.Channels;

namespace Switchboard.Manager.Sessions;

/// <summary>
/// The bounded send queue of one connection. Writers never block: when the queue is full (a slow or stalled
/// consumer) <see cref="TryEnqueue"/> returns false and the session is closed instead of buffering without limit.
/// One writer loop drains it to the stream; a write that does not complete in time also ends the session.
/// </summary>
internal sealed class AmiOutbox
{
    private readonly Channel<string> _queue;
    private readonly int _maxBytes;
    private long _queuedBytes;

    public AmiOutbox(int capacity, int maxBytes)
    {
        _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _maxBytes = maxBytes;
    }

    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    public bool TryEnqueue(string text)
    {
        if (Interlocked.Add(ref _queuedBytes, text.Length) > _maxBytes)
        {
            Interlocked.Add(ref _queuedBytes, -text.Length);
            return false;
        }

        if (_queue.Writer.TryWrite(text))
        {
            return true;
        }

        Interlocked.Add(ref _queuedBytes, -text.Length);
        return false;
    }

    /// <summary>No more messages: the writer loop ends after sending what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Drains the queue to <paramref name="stream"/> until completed or cancelled.</summary>
    public async Task RunAsync(Stream stream, TimeSpan writeTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        var buffer = new byte[16 * 1024];
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var text))
            {
                Interlocked.Add(ref _queuedBytes, -text.Length);
                int max = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (max > buffer.Length)
                {
                    buffer = new byte[Math.Max(max, buffer.Length * 2)];
                }

                int n = Encoding.UTF8.GetBytes(text, buffer);
                using var timeout = new CancellationTokenSource(writeTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await stream.WriteAsync(buffer.AsMemory(0, n), linked.Token).ConfigureAwait(false);
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
