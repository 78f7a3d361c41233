using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Messaging;

/// <summary>
/// Messages on disk (SQLite, the AstDB file): the store-and-forward queue (<c>message_queue</c>) and the journal of
/// accepted incoming messages (<c>message_inbox</c>). Every write is committed before it returns, except the
/// removal of finished journal entries (<see cref="FinishInbox"/>), which rides on the next insert's transaction
/// or on <see cref="FlushFinished"/>: a crash in between replays a message whose dialplan already ran (at least
/// once, never lost), and the relay pays one commit per message instead of two.
/// </summary>
public sealed class MessageStore
{
    private const string InsertInboxSql = """
        INSERT INTO message_inbox(source, context, exten, endpoint, to_v, from_v, body, content_type, headers, variables, received_ms)
        VALUES($src, $ctx, $exten, $ep, $to, $from, $body, $ct, $headers, $vars, $received) RETURNING id;
        """;

    private readonly SqliteDatabase _db;
    private readonly ConcurrentQueue<long> _finished = new();
    private SqliteCommand? _insertInbox;
    private SqliteCommand? _deleteInbox;

    public MessageStore(SqliteDatabase db)
    {
        _db = db;
        _db.Execute("""
            CREATE TABLE IF NOT EXISTS message_queue(
              id INTEGER PRIMARY KEY AUTOINCREMENT, endpoint TEXT NOT NULL, from_hdr TEXT NOT NULL, to_uri TEXT NOT NULL,
              body TEXT NOT NULL, content_type TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0);
            """);
        _db.Execute("CREATE INDEX IF NOT EXISTS message_queue_endpoint ON message_queue(endpoint);");
        _db.Execute("""
            CREATE TABLE IF NOT EXISTS message_inbox(
              id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, context TEXT NOT NULL, exten TEXT NOT NULL,
              endpoint TEXT, to_v TEXT NOT NULL, from_v TEXT NOT NULL, body TEXT NOT NULL, content_type TEXT NOT NULL,
              headers TEXT NOT NULL, variables TEXT NOT NULL, received_ms INTEGER NOT NULL);
            """);
    }

    public long Enqueue(string endpoint, string from, string to, string body, string contentType, DateTimeOffset created, DateTimeOffset expires)
        => _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO message_queue(endpoint, from_hdr, to_uri, body, content_type, created_ms, expires_ms)
                VALUES($ep, $from, $to, $body, $ct, $created, $expires); SELECT last_insert_rowid();
                """;
            cmd.Parameters.AddWithValue("$ep", endpoint);
            cmd.Parameters.AddWithValue("$from", from);
            cmd.Parameters.AddWithValue("$to", to);
            cmd.Parameters.AddWithValue("$body", body);
            cmd.Parameters.AddWithValue("$ct", contentType);
            cmd.Parameters.AddWithValue("$created", created.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$expires", expires.ToUnixTimeMilliseconds());
            return (long)cmd.ExecuteScalar()!;
        });

    /// <summary>Queued messages, oldest first; for one endpoint when <paramref name="endpoint"/> is given.</summary>
    public IReadOnlyList<StoredMessage> Queued(string? endpoint = null)
        => _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, endpoint, from_hdr, to_uri, body, content_type, created_ms, expires_ms, attempts FROM message_queue"
                + (endpoint is null ? string.Empty : " WHERE endpoint = $ep") + " ORDER BY id;";
            if (endpoint is not null)
            {
                cmd.Parameters.AddWithValue("$ep", endpoint);
            }

            using var r = cmd.ExecuteReader();
            var list = new List<StoredMessage>();
            while (r.Read())
            {
                list.Add(new StoredMessage(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)), r.GetInt32(8)));
            }

            return (IReadOnlyList<StoredMessage>)list;
        });

    public bool Dequeue(long id) => _db.Execute("DELETE FROM message_queue WHERE id = $id;", ("$id", id)) > 0;

    public void CountAttempt(long id) => _db.Execute("UPDATE message_queue SET attempts = attempts + 1 WHERE id = $id;", ("$id", id));

    /// <summary>Removes and returns the messages whose expiry has passed.</summary>
    public IReadOnlyList<StoredMessage> RemoveExpired(DateTimeOffset now)
    {
        var expired = Queued().Where(m => m.ExpiresAt <= now).ToList();
        foreach (var m in expired)
        {
            Dequeue(m.Id);
        }

        return expired;
    }

    public long AddToInbox(string source, string context, string exten, string? endpoint, TextMessage message, IReadOnlyList<KeyValuePair<string, string>> variables, DateTimeOffset received)
    {
        string headers = ToJson(message.Headers), vars = ToJson(variables);
        return _db.With(c =>
        {
            // One prepared statement, reused under the database lock; finished entries go in the same commit.
            using var tx = c.BeginTransaction();
            DeleteFinishedLocked(c, tx);
            var cmd = _insertInbox ??= Prepare(c, InsertInboxSql, "$src", "$ctx", "$exten", "$ep", "$to", "$from", "$body", "$ct", "$headers", "$vars", "$received");
            cmd.Transaction = tx;
            var p = cmd.Parameters;
            p[0].Value = source;
            p[1].Value = context;
            p[2].Value = exten;
            p[3].Value = (object?)endpoint ?? DBNull.Value;
            p[4].Value = message.To;
            p[5].Value = message.From;
            p[6].Value = message.Body;
            p[7].Value = message.ContentType;
            p[8].Value = headers;
            p[9].Value = vars;
            p[10].Value = received.ToUnixTimeMilliseconds();
            long id = (long)cmd.ExecuteScalar()!;
            tx.Commit();
            return id;
        });
    }

    /// <summary>Marks a journal entry finished; it is deleted with the next insert or <see cref="FlushFinished"/>.</summary>
    public void FinishInbox(long id) => _finished.Enqueue(id);

    /// <summary>Deletes the journal entries marked finished (one commit).</summary>
    public void FlushFinished()
    {
        if (_finished.IsEmpty)
        {
            return;
        }

        _db.With(c =>
        {
            using var tx = c.BeginTransaction();
            DeleteFinishedLocked(c, tx);
            tx.Commit();
            return 0;
        });
    }

    private void DeleteFinishedLocked(SqliteConnection c, SqliteTransaction tx)
    {
        if (_finished.IsEmpty)
        {
            return;
        }

        var cmd = _deleteInbox ??= Prepare(c, "DELETE FROM message_inbox WHERE id = $id;", "$id");
        cmd.Transaction = tx;
        while (_finished.TryDequeue(out long id))
        {
            cmd.Parameters[0].Value = id;
            cmd.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection c, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names)
        {
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        cmd.Prepare();
        return cmd;
    }

    public IReadOnlyList<InboxEntry> Inbox()
    {
        FlushFinished();
        return _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, source, context, exten, endpoint, to_v, from_v, body, content_type, headers, variables, received_ms FROM message_inbox ORDER BY id;";
            using var r = cmd.ExecuteReader();
            var list = new List<InboxEntry>();
            while (r.Read())
            {
                list.Add(new InboxEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), r.GetString(8), FromJson(r.GetString(9)), FromJson(r.GetString(10)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11))));
            }

            return (IReadOnlyList<InboxEntry>)list;
        });
    }

    public void RemoveFromInbox(long id) => _db.Execute("DELETE FROM message_inbox WHERE id = $id;", ("$id", id));

    private static string ToJson(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var array = new string[pairs.Count * 2];
        for (int i = 0; i < pairs.Count; i++)
        {
            array[2 * i] = pairs[i].Key;
            array[(2 * i) + 1] = pairs[i].Value;
        }

        return JsonSerializer.Serialize(array);
    }

    private static List<KeyValuePair<string, string>> FromJson(string json)
    {
        var list = new List<KeyValuePair<string, string>>();
        string[]? array;
        try
        {
            array = JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            return list;
        }

        for (int i = 0; array is not null && i + 1 < array.Length; i += 2)
        {
            list.Add(new(array[i], array[i + 1]));
        }

        return list;
    }
}
