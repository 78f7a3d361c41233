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

        public int Attempts { get; private set; }

        public List<string> Delivered { get; } = [];

        public string Server => "test:25";

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("connection refused");
            }

            lock (Delivered)
            {
                Delivered.Add(message.To.Mailboxes.Single().Address);
            }

            return Task.CompletedTask;
        }
    }
}
