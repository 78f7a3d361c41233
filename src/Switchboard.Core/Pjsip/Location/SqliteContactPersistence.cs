using System.Net;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Pjsip.Location;

/// <summary>
/// Contacts in SQLite (table <c>pjsip_contacts</c>), written behind: changes mark an AOR dirty and a flush writes
/// the current set of every dirty AOR in one transaction. The host flushes periodically and at shutdown.
/// </summary>
public sealed class SqliteContactPersistence : IContactPersistence
{
    private readonly SqliteDatabase _db;
    private readonly Lock _gate = new();
    private Dictionary<string, IReadOnlyList<ContactBinding>> _dirty = new(StringComparer.Ordinal);

    public SqliteContactPersistence(SqliteDatabase db)
    {
        _db = db;
        _db.Execute("""
            CREATE TABLE IF NOT EXISTS pjsip_contacts(
              id TEXT PRIMARY KEY, aor TEXT NOT NULL, uri TEXT NOT NULL, reg_uri TEXT NOT NULL, endpoint TEXT NOT NULL,
              expires_ms INTEGER NOT NULL, call_id TEXT NOT NULL, cseq INTEGER NOT NULL, user_agent TEXT, path TEXT,
              transport TEXT NOT NULL, protocol TEXT NOT NULL, src_addr TEXT NOT NULL, src_port INTEGER NOT NULL, q REAL NOT NULL);
            """);
        _db.Execute("CREATE INDEX IF NOT EXISTS pjsip_contacts_aor ON pjsip_contacts(aor);");
    }

    public void MarkDirty(string aor, IReadOnlyList<ContactBinding> contacts)
    {
        lock (_gate)
        {
            _dirty[aor] = contacts;
        }
    }

    public void Flush()
    {
        Dictionary<string, IReadOnlyList<ContactBinding>> batch;
        lock (_gate)
        {
            if (_dirty.Count == 0)
            {
                return;
            }

            batch = _dirty;
            _dirty = new Dictionary<string, IReadOnlyList<ContactBinding>>(StringComparer.Ordinal);
        }

        _db.InTransaction((c, tx) =>
        {
            using var del = c.CreateCommand();
            del.Transaction = tx;
            del.CommandText = "DELETE FROM pjsip_contacts WHERE aor = $aor;";
            var delAor = del.Parameters.Add("$aor", Microsoft.Data.Sqlite.SqliteType.Text);
            using var ins = c.CreateCommand();
            ins.Transaction = tx;
            ins.CommandText = """
                INSERT OR REPLACE INTO pjsip_contacts(id, aor, uri, reg_uri, endpoint, expires_ms, call_id, cseq, user_agent, path, transport, protocol, src_addr, src_port, q)
                VALUES($id, $aor, $uri, $reg, $ep, $exp, $cid, $cseq, $ua, $path, $tr, $proto, $addr, $port, $q);
                """;
            foreach (var name in new[] { "$id", "$aor", "$uri", "$reg", "$ep", "$exp", "$cid", "$cseq", "$ua", "$path", "$tr", "$proto", "$addr", "$port", "$q" })
            {
                ins.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
            }

            foreach (var (aor, contacts) in batch)
            {
                delAor.Value = aor;
                del.ExecuteNonQuery();
                foreach (var ct in contacts)
                {
                    var p = ins.Parameters;
                    p["$id"].Value = ct.Id;
                    p["$aor"].Value = ct.Aor;
                    p["$uri"].Value = ct.Uri;
                    p["$reg"].Value = ct.RegisteredUri;
                    p["$ep"].Value = ct.Endpoint;
                    p["$exp"].Value = ct.ExpiresAt.ToUnixTimeMilliseconds();
                    p["$cid"].Value = ct.CallId;
                    p["$cseq"].Value = ct.CSeq;
                    p["$ua"].Value = (object?)ct.UserAgent ?? DBNull.Value;
                    p["$path"].Value = (object?)ct.Path ?? DBNull.Value;
                    p["$tr"].Value = ct.TransportName;
                    p["$proto"].Value = ct.Protocol;
                    p["$addr"].Value = ct.Source.Address.ToString();
                    p["$port"].Value = ct.Source.Port;
                    p["$q"].Value = ct.Q;
                    ins.ExecuteNonQuery();
                }
            }
        });
    }

    public IReadOnlyList<ContactBinding> LoadAll() => _db.With(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT aor, uri, reg_uri, endpoint, expires_ms, call_id, cseq, user_agent, path, transport, protocol, src_addr, src_port, q FROM pjsip_contacts;";
        using var r = cmd.ExecuteReader();
        var list = new List<ContactBinding>();
        while (r.Read())
        {
            if (!IPAddress.TryParse(r.GetString(11), out var addr))
            {
                continue;
            }

            list.Add(new ContactBinding
            {
                Aor = r.GetString(0),
                Uri = r.GetString(1),
                RegisteredUri = r.GetString(2),
                Endpoint = r.GetString(3),
                ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
                CallId = r.GetString(5),
                CSeq = r.GetInt64(6),
                UserAgent = r.IsDBNull(7) ? null : r.GetString(7),
                Path = r.IsDBNull(8) ? null : r.GetString(8),
                TransportName = r.GetString(9),
                Protocol = r.GetString(10),
                Source = new IPEndPoint(addr, r.GetInt32(12)),
                Q = r.GetDouble(13),
            });
        }

        return (IReadOnlyList<ContactBinding>)list;
    });
}
