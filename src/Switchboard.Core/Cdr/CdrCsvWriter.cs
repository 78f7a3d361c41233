using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Cdr;

/// <summary>
/// Appends CDR lines to <c>cdr-csv/Master.csv</c> (and <c>&lt;accountcode&gt;.csv</c>) from one background writer:
/// lines are queued by the call threads, appended in order and flushed to disk after each batch. A failed write is
/// kept and retried (logged), and disposing drains the queue, so an accepted row is not lost.
/// </summary>
public sealed partial class CdrCsvWriter : IAsyncDisposable
{
    private readonly Channel<(string Line, string? Account)> _queue = Channel.CreateUnbounded<(string, string?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _directory;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private long _written;

    public CdrCsvWriter(string directory, ILogger log, TimeProvider? time = null)
    {
        _directory = directory;
        _log = log;
        _time = time ?? TimeProvider.System;
        _loop = Task.Run(RunAsync);
    }

    public string MasterPath => Path.Combine(_directory, "Master.csv");

    /// <summary>Rows written to disk so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues one line (with its newline); also to &lt;account&gt;.csv when <paramref name="accountCode"/> is set.</summary>
    public void Enqueue(string line, string? accountCode)
    {
        if (!_queue.Writer.TryWrite((line, accountCode)))
        {
            // After shutdown began (calls released late): write it at once rather than lose it.
            lock (_queue)
            {
                TryWrite([(line, accountCode)]);
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<(string Line, string? Account)>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                while (!TryWrite(batch))
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1), _time, _stop.Token).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool TryWrite(List<(string Line, string? Account)> batch)
    {
        try
        {
            Directory.CreateDirectory(_directory);
            var master = new StringBuilder();
            foreach (var (line, _) in batch)
            {
                master.Append(line);
            }

            Append(MasterPath, master.ToString());
            foreach (var (line, account) in batch)
            {
                if (!string.IsNullOrEmpty(account) && IsSafeFileName(account))
                {
                    Append(Path.Combine(_directory, account + ".csv"), line);
                }
            }

            Interlocked.Add(ref _written, batch.Count);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(e.Message, batch.Count);
            return false;
        }
    }

    private static void Append(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private static bool IsSafeFileName(string name)
    {
        foreach (var c in name)
        {
            if (c is '/' or '\\' or '\0' || char.IsControl(c))
            {
                return false;
            }
        }

        return name is not "." and not ".." and not "Master";
    }

    /// <summary>Writes everything queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _loop.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "CDR: could not write {Rows} row(s) to cdr-csv, will retry: {Reason}")]
    private partial void LogWriteFailed(string reason, int rows);
}
