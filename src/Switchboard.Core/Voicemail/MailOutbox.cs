using Microsoft.Extensions.Logging;
using MimeKit;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// A durable outbox for voicemail e-mail: each message (with its WAV attachment) is written to its own .eml file
/// and fsynced before it counts as accepted, so MinivmDelete may remove the recording at once. A worker sends the
/// files oldest first and deletes each only after the server accepted it; failures are retried with exponential
/// backoff (5 s doubling to 5 min), and files left by a previous run are sent after a restart. A mail the server
/// refuses for good (a 5xx reply to MAIL, RCPT or DATA), or that failed <see cref="MaxAttempts"/> times, is moved to
/// <c>failed/</c> with the last reply beside it (<see cref="MailDeadLetters"/>; <c>minivm retry</c> queues it again).
/// A file that cannot be parsed is moved to <c>bad/</c> rather than retried for ever.
/// </summary>
public sealed class MailOutbox : IAsyncDisposable
{
    private readonly string _dir;
    private IMailSender? _sender;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _firstRetry;
    private readonly TimeSpan _maxRetry;
    private readonly Dictionary<string, (int Attempts, DateTimeOffset Due)> _failures = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task? _worker;
    private volatile bool _resetBackoff;
    private int _maxAttempts = DefaultMaxAttempts;

    /// <summary>Transient failures before a mail is given up into failed/ (about a day at the 5 min ceiling).</summary>
    public const int DefaultMaxAttempts = 300;

    public MailOutbox(string directory, IMailSender? sender, ILogger log, TimeProvider? time = null, TimeSpan? firstRetry = null, TimeSpan? maxRetry = null)
    {
        _dir = directory;
        _sender = sender;
        _log = log;
        _time = time ?? TimeProvider.System;
        _firstRetry = firstRetry ?? TimeSpan.FromSeconds(5);
        _maxRetry = maxRetry ?? TimeSpan.FromMinutes(5);
        Directory.CreateDirectory(_dir);
        DeadLetters = new MailDeadLetters(_dir);
    }

    /// <summary>Moves failed mail (an id, a unique prefix of one, or <c>all</c>) back into the outbox and sends it at once; the ids queued.</summary>
    public IReadOnlyList<string> Retry(string idOrAll, out string? error)
    {
        var moved = DeadLetters.Requeue(idOrAll, out error);
        foreach (var id in moved)
        {
            VoicemailLog.Requeued(_log, id);
        }

        if (moved.Count > 0)
        {
            Volatile.Read(ref _wake).TrySetResult();
        }

        return moved;
    }

    public string DirectoryPath => _dir;

    /// <summary>Mails given up (refused with 5xx, or out of attempts), kept for <c>minivm retry</c>.</summary>
    public MailDeadLetters DeadLetters { get; private set; } = null!;

    /// <summary>Failed attempts after which a mail is moved to failed/; 0 = retry for ever.</summary>
    public int MaxAttempts
    {
        get => Volatile.Read(ref _maxAttempts);
        set => Volatile.Write(ref _maxAttempts, Math.Max(0, value));
    }

    /// <summary>Messages waiting to be sent.</summary>
    public int Pending => Directory.Exists(_dir) ? Directory.GetFiles(_dir, "*.eml").Length : 0;

    /// <summary>True when mail can be delivered at all (a server is configured).</summary>
    public bool CanSend => Volatile.Read(ref _sender) is not null;

    /// <summary>Writes the message durably; false with a reason when it could not be stored.</summary>
    public bool TryEnqueue(MimeMessage message, out string? path, out string? error)
    {
        string name = $"{_time.GetUtcNow().UtcTicks:D20}-{Guid.NewGuid():N}";
        string part = Path.Combine(_dir, name + ".part");
        path = Path.Combine(_dir, name + ".eml");
        try
        {
            using (var stream = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                message.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(part, path);
            error = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(part);
            error = ex.Message;
            path = null;
            return false;
        }

        Volatile.Read(ref _wake).TrySetResult();
        return true;
    }

    public void Start()
    {
        _worker ??= Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Replaces the sender (core reload changed minivm.conf); waiting messages are tried again at once.</summary>
    public void UseSender(IMailSender? sender)
    {
        Volatile.Write(ref _sender, sender);
        _resetBackoff = true;
        Volatile.Read(ref _wake).TrySetResult();
    }

    /// <summary>Sends every file that is due once (the worker's step; public for tests).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sender = Volatile.Read(ref _sender);
        if (sender is null)
        {
            return 0;
        }

        if (_resetBackoff)
        {
            _resetBackoff = false;
            _failures.Clear();
        }

        int sent = 0;
        var files = Directory.GetFiles(_dir, "*.eml");
        Array.Sort(files, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        foreach (var file in files)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (_failures.TryGetValue(file, out var f) && f.Due > now)
            {
                continue;
            }

            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                VoicemailLog.BadMessage(_log, file, ex.Message);
                MoveAside(file);
                continue;
            }

            string recipient = message.To.ToString();
            try
            {
                await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                int attempts = (_failures.TryGetValue(file, out var prior) ? prior.Attempts : 0) + 1;
                bool permanent = ex is MailRejectedException { Permanent: true };
                int max = MaxAttempts;
                if (permanent || (max > 0 && attempts >= max))
                {
                    GiveUp(file, sender.Server, recipient, attempts, permanent, ex.Message);
                    continue;
                }

                var wait = Backoff(attempts);
                _failures[file] = (attempts, _time.GetUtcNow() + wait);
                VoicemailLog.SendFailed(_log, sender.Server, attempts, (int)wait.TotalSeconds, Path.GetFileName(file), ex.Message);
                continue;
            }
            finally
            {
                message.Dispose();
            }

            _failures.Remove(file);
            TryDelete(file);
            sent++;
            VoicemailLog.Sent(_log, sender.Server, recipient, Path.GetFileName(file));
        }

        return sent;
    }

    private void GiveUp(string file, string server, string recipient, int attempts, bool permanent, string reply)
    {
        _failures.Remove(file);
        var reason = new DeadLetterReason
        {
            Time = _time.GetUtcNow(),
            Server = server,
            Recipient = recipient,
            Attempts = attempts,
            Permanent = permanent,
            Reply = reply,
        };
        string id = Path.GetFileNameWithoutExtension(file);
        if (DeadLetters.TryAdd(file, reason, out var error))
        {
            VoicemailLog.GaveUp(_log, id, recipient, server, attempts, permanent ? "refused permanently" : "out of attempts", reply);
        }
        else
        {
            // Could not move it: keep it in the outbox and try again later rather than lose it.
            _failures[file] = (attempts, _time.GetUtcNow() + _maxRetry);
            VoicemailLog.SendFailed(_log, server, attempts, (int)_maxRetry.TotalSeconds, Path.GetFileName(file), reply + "; moving it to failed/ failed: " + error);
        }
    }

    internal TimeSpan Backoff(int attempts)
    {
        double seconds = _firstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, _maxRetry.TotalSeconds));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _wake, wake);
                await SendDueAsync(ct).ConfigureAwait(false);
                var wait = NextDue() is { } due ? due - _time.GetUtcNow() : _maxRetry;
                wait = wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : wait;
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                await Task.WhenAny(wake.Task, Task.Delay(wait, _time, cts.Token)).ConfigureAwait(false);
                await cts.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                VoicemailLog.SendFailed(_log, Volatile.Read(ref _sender)?.Server ?? "-", 0, (int)_firstRetry.TotalSeconds, _dir, ex.Message);
                await Task.Delay(_firstRetry, _time, ct).ConfigureAwait(false);
            }
        }
    }

    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var (file, f) in _failures)
        {
            if (File.Exists(file) && (next is null || f.Due < next))
            {
                next = f.Due;
            }
        }

        return next;
    }

    private void MoveAside(string file)
    {
        try
        {
            string bad = Path.Combine(_dir, "bad");
            Directory.CreateDirectory(bad);
            File.Move(file, Path.Combine(bad, Path.GetFileName(file)), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            VoicemailLog.BadMessage(_log, file, ex.Message);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_worker is not null)
        {
            try
            {
                await _worker.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
