using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Originate;

namespace Switchboard.Core.Spool;

/// <summary>
/// The outgoing call spool (Asterisk's pbx_spool): each file in <c>outgoing</c> whose modification time has come
/// is originated; a failed attempt is retried MaxRetries times, RetryTime seconds apart (the file's mtime is moved
/// forward and a StartRetry line appended); at the end the file is deleted, or with Archive: yes moved to
/// <c>outgoing_done</c> with a <c>Status: Completed|Expired|Failed</c> line. An unreadable file is moved to
/// outgoing_done with Status: Failed (never silently lost). Woken by a directory watcher, with a poll as a backstop.
/// </summary>
public sealed partial class OutgoingSpool : IAsyncDisposable
{
    private readonly string _outgoing;
    private readonly string _done;
    private readonly Func<OriginateRequest, CancellationToken, Task<OriginateResult>> _originate;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _poll;
    private readonly ConcurrentDictionary<string, Task> _busy = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private FileSystemWatcher? _watcher;
    private Task? _loop;
    private int _disposed;

    public OutgoingSpool(string outgoingDir, string doneDir, Func<OriginateRequest, CancellationToken, Task<OriginateResult>> originate, ILogger log, TimeProvider? time = null, TimeSpan? poll = null)
    {
        _outgoing = outgoingDir;
        _done = doneDir;
        _originate = originate;
        _log = log;
        _time = time ?? TimeProvider.System;
        _poll = poll ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Files being processed now.</summary>
    public int InProgress => _busy.Count;

    public void Start()
    {
        Directory.CreateDirectory(_outgoing);
        Directory.CreateDirectory(_done);
        try
        {
            _watcher = new FileSystemWatcher(_outgoing) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
            _watcher.Created += (_, _) => Wake();
            _watcher.Renamed += (_, _) => Wake();
            _watcher.Changed += (_, _) => Wake();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
        {
            LogWatchFailed(e.Message);
        }

        _loop = RunAsync();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Scan();
                await _wake.WaitAsync(_poll, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogScanFailed(e.Message);
                await Task.Delay(_poll, _time, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts every due file that is not already in progress.</summary>
    internal void Scan()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(_outgoing))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || _busy.ContainsKey(path))
            {
                continue;
            }

            if (File.GetLastWriteTimeUtc(path) > now)
            {
                continue; // scheduled for later
            }

            var done = new TaskCompletionSource();
            if (_busy.TryAdd(path, done.Task))
            {
                _ = ProcessAsync(path, done);
            }
        }
    }

    private async Task ProcessAsync(string path, TaskCompletionSource done)
    {
        bool keepBusy = false;
        try
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, _stop.Token).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                return;
            }

            if (!CallFileParser.TryParse(text, out var file, out var error))
            {
                LogInvalid(Path.GetFileName(path), error!);
                Finish(path, text, "Failed", archive: true);
                return;
            }

            LogAttempt(Path.GetFileName(path), file!.Channel, file.Retries + 1);
            var result = await _originate(file.ToRequest(), _stop.Token).ConfigureAwait(false);
            if (result.Answered)
            {
                Finish(path, text, "Completed", file.Archive);
                return;
            }

            if (file.Retries < file.MaxRetries)
            {
                var epoch = _time.GetUtcNow().ToUnixTimeSeconds();
                var line = string.Create(CultureInfo.InvariantCulture, $"StartRetry: {Environment.ProcessId} {file.Retries + 1} ({epoch})\n");
                await File.AppendAllTextAsync(path, (text.EndsWith('\n') || text.Length == 0 ? string.Empty : "\n") + line, _stop.Token).ConfigureAwait(false);
                File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime.AddSeconds(file.RetryTime));
                LogRetry(Path.GetFileName(path), result.Reason, file.RetryTime);
                return;
            }

            LogExpired(Path.GetFileName(path), result.Reason);
            Finish(path, text, "Expired", file.Archive);
        }
        catch (OperationCanceledException)
        {
            keepBusy = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFileFailed(Path.GetFileName(path), e.Message);
            keepBusy = true; // do not spin on a file we cannot handle; a restart retries it
        }
        finally
        {
            if (!keepBusy)
            {
                _busy.TryRemove(path, out _);
            }

            done.TrySetResult();
        }
    }

    private void Finish(string path, string text, string status, bool archive)
    {
        if (archive)
        {
            var target = Path.Combine(_done, Path.GetFileName(path));
            var body = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
            File.WriteAllText(target + ".tmp", body + "Status: " + status + "\n");
            File.Move(target + ".tmp", target, overwrite: true);
        }

        File.Delete(path);
        LogFinished(Path.GetFileName(path), status, archive ? "archived" : "deleted");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _watcher?.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        foreach (var t in _busy.Values)
        {
            await t.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _wake.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call file spool: cannot watch the directory ({Reason}); polling only")]
    private partial void LogWatchFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call file spool: scan failed: {Reason}")]
    private partial void LogScanFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call file {File} is invalid ({Reason}); moved to outgoing_done with Status: Failed")]
    private partial void LogInvalid(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call file {File}: calling {Channel} (attempt {Attempt})")]
    private partial void LogAttempt(string file, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call file {File}: not answered ({Reason}); retry in {Seconds} s")]
    private partial void LogRetry(string file, string reason, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call file {File}: not answered ({Reason}); no retries left")]
    private partial void LogExpired(string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call file {File}: {Reason}")]
    private partial void LogFileFailed(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call file {File}: Status: {Status}, {Disposal}")]
    private partial void LogFinished(string file, string status, string disposal);
}
