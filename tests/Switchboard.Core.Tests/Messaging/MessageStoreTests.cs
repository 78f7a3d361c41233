using Switchboard.Core.Messaging;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Tests.Messaging;

public sealed class MessageStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("msgstore-").FullName;

    private SqliteDatabase Open() => new(Path.Combine(_dir, "astdb.sqlite3"));

    [Fact]
    public void Queued_messages_survive_reopening_byte_exact_and_leave_when_dequeued()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        const string body = "Hi ☺ \"q\"\nline 2 𝄞";
        long id;
        using (var db = Open())
        {
            id = new MessageStore(db).Enqueue("carol", "+1202", "sip:+1303@pbx", body, "text/plain;charset=UTF-8", now, now.AddHours(1));
        }

        using (var db = Open())
        {
            var store = new MessageStore(db);
            var m = Assert.Single(store.Queued("carol"));
            Assert.Equal(id, m.Id);
            Assert.Equal(body, m.Body);
            Assert.Equal("+1202", m.From);
            Assert.Equal(now.AddHours(1), m.ExpiresAt);
            Assert.Empty(store.Queued("bob"));
            store.CountAttempt(id);
            Assert.Equal(1, store.Queued()[0].Attempts);
            Assert.True(store.Dequeue(id));
            Assert.Empty(store.Queued());
        }
    }

    [Fact]
    public void Expired_messages_are_removed_and_returned()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        using var db = Open();
        var store = new MessageStore(db);
        store.Enqueue("a", "f", "t", "old", "text/plain", now.AddHours(-2), now.AddMinutes(-1));
        store.Enqueue("a", "f", "t", "new", "text/plain", now, now.AddHours(1));
        var expired = Assert.Single(store.RemoveExpired(now));
        Assert.Equal("old", expired.Body);
        Assert.Equal("new", Assert.Single(store.Queued()).Body);
    }

    [Fact]
    public void Inbox_entries_keep_headers_and_variables_until_removed()
    {
        using var db = Open();
        var store = new MessageStore(db);
        var message = new TextMessage { To = "sip:+1@x", From = "<sip:alice@x>", Body = "☺" };
        message.AddHeader("X-Test", "1");
        message.AddHeader("Via", "SIP/2.0/UDP h");
        var id = store.AddToInbox("sip", "dp_entry_text_inout", "+1", "alice", message, [new("MESSAGE_ENCODE", "rfc3986")], DateTimeOffset.UnixEpoch);
        var e = Assert.Single(store.Inbox());
        Assert.Equal(id, e.Id);
        Assert.Equal("alice", e.Endpoint);
        Assert.Equal("☺", e.Body);
        Assert.Equal([new("X-Test", "1"), new("Via", "SIP/2.0/UDP h")], e.Headers);
        Assert.Equal([new("MESSAGE_ENCODE", "rfc3986")], e.Variables);
        store.RemoveFromInbox(id);
        Assert.Empty(store.Inbox());
    }

    [Fact]
    public void Finished_inbox_entries_go_with_the_next_insert_or_a_flush_and_never_replay_after_that()
    {
        var message = new TextMessage { To = "sip:rcpt@x", From = "<sip:snd@x>", Body = "b" };
        long first, second, third;
        using (var db = Open())
        {
            var store = new MessageStore(db);
            first = store.AddToInbox("sip", "c", "rcpt", "snd", message, [], DateTimeOffset.UnixEpoch);
            second = store.AddToInbox("sip", "c", "rcpt", "snd", message, [], DateTimeOffset.UnixEpoch);
            store.FinishInbox(first);
            third = store.AddToInbox("sip", "c", "rcpt", "snd", message, [], DateTimeOffset.UnixEpoch); // deletes `first` in its commit
            store.FinishInbox(second);
        }

        using (var db = Open())
        {
            // `second` was only marked: a crash here replays it (at least once); `first` is gone for good.
            var store = new MessageStore(db);
            Assert.Equal([second, third], store.Inbox().Select(e => e.Id));
            store.FinishInbox(second);
            store.FinishInbox(third);
            Assert.Empty(store.Inbox()); // Inbox() flushes what is marked first
            store.FlushFinished();
        }

        using (var db = Open())
        {
            Assert.Empty(new MessageStore(db).Inbox());
        }
    }

    [Fact]
    public void Cli_lists_queued_messages_with_a_count()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        using var db = Open();
        var store = new MessageStore(db);
        store.Enqueue("carol", "+12025550160", "sip:+1@x", "hello\nthere", "text/plain", time.GetUtcNow().AddMinutes(-5), time.GetUtcNow().AddDays(2));
        var o = new StringWriter();
        MessagingCliCommands.ShowQueued(store, time, o);
        var text = o.ToString();
        Assert.Contains("carol", text, StringComparison.Ordinal);
        Assert.Contains("+12025550160", text, StringComparison.Ordinal);
        Assert.Contains("hello there", text, StringComparison.Ordinal);
        Assert.Contains("5m0s", text, StringComparison.Ordinal);
        Assert.Contains("2d0h", text, StringComparison.Ordinal);
        Assert.Contains("1 queued message", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
