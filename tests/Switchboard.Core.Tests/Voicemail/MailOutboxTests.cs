using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Switchboard.Core.Voicemail;

namespace Switchboard.Core.Tests.Voicemail;

/// <summary>The durable outbox: stored before success is reported, deleted only after the server accepted, retried with backoff, kept across restarts.</summary>
public sealed class MailOutboxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-vm-outbox-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_message_stays_until_the_server_accepts_it_with_growing_pauses()
    {
        var sender = new ScriptedSender { FailuresLeft = 2 };
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance, _time);
        Assert.True(outbox.TryEnqueue(Message("a@example.com"), out var path, out _));
        Assert.True(File.Exists(path));
        Assert.Equal(1, outbox.Pending);

        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sender.Attempts);
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sender.Attempts); // not due yet: 5 s backoff
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(2, sender.Attempts);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(2, sender.Attempts); // 10 s after the second failure
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await outbox.SendDueAsync(CancellationToken.None));
        Assert.False(File.Exists(path));
        Assert.Equal(0, outbox.Pending);
        Assert.Equal("a@example.com", Assert.Single(sender.Delivered));
    }

    [Fact]
    public void Backoff_doubles_up_to_five_minutes()
    {
        var outbox = new MailOutbox(_dir, new ScriptedSender(), NullLogger.Instance, _time);
        Assert.Equal(
            [5, 10, 20, 40, 80, 160, 300, 300],
            Enumerable.Range(1, 8).Select(n => (int)outbox.Backoff(n).TotalSeconds));
    }

    [Fact]
    public async Task Messages_left_by_a_previous_run_are_sent_oldest_first()
    {
        var first = new MailOutbox(_dir, null, NullLogger.Instance, _time);
        Assert.False(first.CanSend);
        Assert.True(first.TryEnqueue(Message("one@example.com"), out _, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(first.TryEnqueue(Message("two@example.com"), out _, out _));
        await first.DisposeAsync();

        var sender = new ScriptedSender();
        await using var second = new MailOutbox(_dir, sender, NullLogger.Instance, _time);
        Assert.Equal(2, await second.SendDueAsync(CancellationToken.None));
        Assert.Equal(["one@example.com", "two@example.com"], sender.Delivered);
    }

    [Fact]
    public async Task A_sender_configured_by_reload_sends_what_waited_without_the_backoff()
    {
        var failing = new ScriptedSender { FailuresLeft = 100 };
        await using var outbox = new MailOutbox(_dir, failing, NullLogger.Instance, _time);
        Assert.True(outbox.TryEnqueue(Message("r@example.com"), out _, out _));
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        var fixedSender = new ScriptedSender();
        outbox.UseSender(fixedSender);
        Assert.Equal(1, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(["r@example.com"], fixedSender.Delivered);
    }

    [Fact]
    public async Task An_unreadable_file_is_moved_aside_and_the_others_still_go()
    {
        var sender = new ScriptedSender();
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance, _time);
        await File.WriteAllBytesAsync(Path.Combine(_dir, "00000000000000000000-bad.eml"), []);
        Assert.True(outbox.TryEnqueue(Message("ok@example.com"), out _, out _));
        await outbox.SendDueAsync(CancellationToken.None);
        Assert.Equal(["ok@example.com"], sender.Delivered);
        Assert.True(File.Exists(Path.Combine(_dir, "bad", "00000000000000000000-bad.eml")));
    }

    [Fact]
    public async Task The_worker_delivers_a_queued_message_on_its_own()
    {
        var sender = new ScriptedSender();
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance);
        outbox.Start();
        Assert.True(outbox.TryEnqueue(Message("w@example.com"), out _, out _));
        for (int i = 0; i < 200 && sender.Delivered.Count == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(["w@example.com"], sender.Delivered);
    }

    [Fact]
    public async Task A_permanent_refusal_moves_the_mail_to_failed_with_the_reply_after_one_attempt()
    {
        var sender = new ScriptedSender { FailuresLeft = 1, RejectCode = 550 };
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance, _time);
        Assert.True(outbox.TryEnqueue(Message("gone@example.com"), out var path, out _));
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sender.Attempts);
        Assert.False(File.Exists(path));
        Assert.Equal(0, outbox.Pending);
        var dead = Assert.Single(outbox.DeadLetters.List());
        Assert.Equal(Path.GetFileNameWithoutExtension(path), dead.Id);
        Assert.True(File.Exists(Path.Combine(_dir, "failed", dead.Id + ".eml")));
        var reason = Assert.IsType<DeadLetterReason>(dead.Reason);
        Assert.True(reason.Permanent);
        Assert.Equal((1, "test:25", "gone@example.com", _time.GetUtcNow()), (reason.Attempts, reason.Server, reason.Recipient, reason.Time));
        Assert.Equal("550 5.1.1 <x>: Recipient address rejected", reason.Reply);

        // Nothing more is tried, however long we wait.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, sender.Attempts);

        // minivm retry: back in the outbox, delivered now that the server accepts.
        Assert.Equal([dead.Id], outbox.Retry(dead.Id[..25], out var error));
        Assert.Null(error);
        Assert.Empty(outbox.DeadLetters.List());
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "failed")));
        Assert.Equal(1, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(["gone@example.com"], sender.Delivered);
    }

    [Fact]
    public async Task A_4xx_is_retried_and_max_attempts_transient_failures_give_up()
    {
        var sender = new ScriptedSender { FailuresLeft = 100, RejectCode = 451 };
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance, _time) { MaxAttempts = 3 };
        Assert.True(outbox.TryEnqueue(Message("busy@example.com"), out _, out _));
        for (int i = 0; i < 3; i++)
        {
            Assert.Empty(outbox.DeadLetters.List());
            await outbox.SendDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(3, sender.Attempts);
        var dead = Assert.Single(outbox.DeadLetters.List());
        Assert.False(dead.Reason!.Permanent);
        Assert.Equal(3, dead.Reason.Attempts);
        Assert.StartsWith("451 ", dead.Reason.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_all_and_unknown_ids_and_the_cli_listing()
    {
        var sender = new ScriptedSender { FailuresLeft = 2, RejectCode = 554 };
        await using var outbox = new MailOutbox(_dir, sender, NullLogger.Instance, _time);
        Assert.True(outbox.TryEnqueue(Message("one@example.com"), out _, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(outbox.TryEnqueue(Message("two@example.com"), out _, out _));
        await outbox.SendDueAsync(CancellationToken.None);
        Assert.Equal(2, outbox.DeadLetters.List().Count);

        var list = new StringWriter();
        MiniVmCliCommands.ShowFailed(outbox, _time, list);
        Assert.Contains("one@example.com", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("554 5.1.1", list.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 failed mails", list.ToString(), StringComparison.Ordinal);

        var o = new StringWriter();
        Assert.Equal(1, MiniVmCliCommands.Retry(outbox, ["nosuchid"], o));
        Assert.Contains("no failed mail 'nosuchid'", o.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, MiniVmCliCommands.Retry(outbox, ["0"], o)); // both ids start with 0: ambiguous
        Assert.Equal(1, MiniVmCliCommands.Retry(outbox, [], o));
        Assert.Equal(0, MiniVmCliCommands.Retry(outbox, ["all"], o));
        Assert.Equal(2, outbox.Pending);
        Assert.Equal(2, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(["one@example.com", "two@example.com"], sender.Delivered);
    }

    [Fact]
    public void The_reason_sidecar_round_trips()
    {
        var r = new DeadLetterReason { Time = _time.GetUtcNow(), Server = "mx:25", Recipient = "a@b", Attempts = 7, Permanent = true, Reply = "550 no\r\nsuch" };
        Assert.Equal(r with { Reply = "550 no such" }, DeadLetterReason.Read(r.Write())); // one line per key
    }

    private static MimeMessage Message(string to)
    {
        var m = new MimeMessage();
        m.From.Add(new MailboxAddress("vm", "vm@example.com"));
        m.To.Add(new MailboxAddress(string.Empty, to));
        m.Subject = "test";
        m.Body = new TextPart("plain") { Text = "body" };
        return m;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class ScriptedSender : IMailSender
    {
        public int FailuresLeft { get; set; }

        /// <summary>When set, failures are this SMTP reply instead of a connection error.</summary>
        public int RejectCode { get; set; }

        public int Attempts { get; private set; }

        public List<string> Delivered { get; } = [];

        public string Server => "test:25";

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw RejectCode > 0 ? new MailRejectedException(RejectCode, "5.1.1 <x>: Recipient address rejected") : new IOException("connection refused");
            }

            lock (Delivered)
            {
                Delivered.Add(message.To.Mailboxes.Single().Address);
            }

            return Task.CompletedTask;
        }
    }
}
