using System.Collections.Concurrent;
using System.Globalization;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Writes log lines to a <see cref="TextWriter"/> (stdout) on one background thread so that a slow
/// console never blocks the PBX. The queue is bounded; when it is full, lines are counted as
/// dropped and a single "N log lines dropped" line reports them once the queue drains.
/// </summary>
internal sealed class LogLineWriter : IDisposable
{
    private readonly BlockingCollection<string> _queue;
    private readonly TextWriter _output;
    private readonly Thread _thread;
    private long _dropped;
    private int _disposed;

    public LogLineWriter(TextWriter output, int capacity = 8192)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _queue = new BlockingCollection<string>(new ConcurrentQueue<string>(), capacity);
        _thread = new Thread(Pump) { IsBackground = true, Name = "switchboard-log" };
        _thread.Start();
    }

    /// <summary>Lines lost because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(string line)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            if (!_queue.TryAdd(line))
            {
                Interlocked.Increment(ref _dropped);
            }
        }
        catch (InvalidOperationException)
        {
            // Adding completed during shutdown: the line is late, drop it.
        }
    }

    /// <summary>Waits until the queue is empty and the output flushed (bounded by <paramref name="timeout"/>).</summary>
    public void Flush(TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (_queue.Count > 0 && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(5);
        }

        lock (_output)
        {
            _output.Flush();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(2));
        lock (_output)
        {
            _output.Flush();
        }
    }

    private void Pump()
    {
        long reported = 0;
        foreach (string line in _queue.GetConsumingEnumerable())
        {
            lock (_output)
            {
                long dropped = Interlocked.Read(ref _dropped);
                if (dropped != reported)
                {
                    _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {dropped - reported} log lines dropped (console too slow)"));
                    reported = dropped;
                }

                _output.WriteLine(line);
                if (_queue.Count == 0)
                {
                    _output.Flush();
                }
            }
        }
    }
}
