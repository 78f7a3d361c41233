using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Messaging;

/// <summary>
/// Messages on disk (SQLite, the AstDB file): the store-and-forward queue (<c>message_queue</c>) and the journal of
/// accepted incoming messages (<c>message_inbox</c>). Every write is committed before it returns.
/// </summary>
public sealed class MessageStore
{
    private readonly SqliteDatabase _db;

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
        => _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO message_inbox(source, context, exten, endpoint, to_v, from_v, body, content_type, headers, variables, received_ms)
                VALUES($src, $ctx, $exten, $ep, $to, $from, $body, $ct, $headers, $vars, $received); SELECT last_insert_rowid();
                """;
            cmd.Parameters.AddWithValue("$src", source);
            cmd.Parameters.AddWithValue("$ctx", context);
            cmd.Parameters.AddWithValue("$exten", exten);
            cmd.Parameters.AddWithValue("$ep", (object?)endpoint ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$to", message.To);
            cmd.Parameters.AddWithValue("$from", message.From);
            cmd.Parameters.AddWithValue("$body", message.Body);
            cmd.Parameters.AddWithValue("$ct", message.ContentType);
            cmd.Parameters.AddWithValue("$headers", ToJson(message.Headers));
            cmd.Parameters.AddWithValue("$vars", ToJson(variables));
            cmd.Parameters.AddWithValue("$received", received.ToUnixTimeMilliseconds());
            return (long)cmd.ExecuteScalar()!;
        });

    public IReadOnlyList<InboxEntry> Inbox()
        => _db.With(c =>
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
