using Microsoft.Data.Sqlite;

namespace Switchboard.Core.Storage;

/// <summary>
/// AstDB: Asterisk's family/key database on SQLite with Asterisk's schema (<c>astdb(key PRIMARY KEY, value)</c>,
/// keys stored as <c>/family/key</c>), so DB(), DB_EXISTS(), DB_DELETE() and the <c>database</c> CLI behave alike.
/// </summary>
public sealed class AstDatabase
{
    private readonly SqliteDatabase _db;

    public AstDatabase(SqliteDatabase db)
    {
        _db = db;
        _db.Execute("CREATE TABLE IF NOT EXISTS astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key));");
    }

    public static string MakeKey(string family, string key) => "/" + family.Trim('/') + "/" + key.TrimStart('/');

    public bool Put(string family, string key, string value)
        => _db.Execute("INSERT OR REPLACE INTO astdb(key, value) VALUES($k, $v);", ("$k", MakeKey(family, key)), ("$v", value)) > 0;

    public string? Get(string family, string key)
        => _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT value FROM astdb WHERE key = $k;";
            cmd.Parameters.AddWithValue("$k", MakeKey(family, key));
            return cmd.ExecuteScalar() as string;
        });

    public bool Delete(string family, string key)
        => _db.Execute("DELETE FROM astdb WHERE key = $k;", ("$k", MakeKey(family, key))) > 0;

    /// <summary>Deletes a family (and its subfamilies), or one subtree when <paramref name="subtree"/> is given.</summary>
    public int DeleteTree(string family, string? subtree = null)
    {
        var prefix = "/" + family.Trim('/') + (string.IsNullOrEmpty(subtree) ? string.Empty : "/" + subtree.Trim('/'));
        return _db.Execute("DELETE FROM astdb WHERE key = $p OR key LIKE $like ESCAPE '\\';", ("$p", prefix), ("$like", EscapeLike(prefix) + "/%"));
    }

    /// <summary>All entries under a prefix ("/" for all), ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Show(string? family = null, string? key = null)
    {
        var prefix = family is null ? "/" : "/" + family.Trim('/') + (key is null ? string.Empty : "/" + key.Trim('/'));
        return _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = prefix == "/"
                ? "SELECT key, value FROM astdb ORDER BY key;"
                : "SELECT key, value FROM astdb WHERE key = $p OR key LIKE $like ESCAPE '\\' ORDER BY key;";
            cmd.Parameters.AddWithValue("$p", prefix);
            cmd.Parameters.AddWithValue("$like", EscapeLike(prefix) + "/%");
            using var r = cmd.ExecuteReader();
            var list = new List<KeyValuePair<string, string>>();
            while (r.Read())
            {
                list.Add(new(r.GetString(0), r.IsDBNull(1) ? string.Empty : r.GetString(1)));
            }

            return list;
        });
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    internal SqliteDatabase Database => _db;

    internal static SqliteCommand Command(SqliteConnection c, string sql) => new(sql, c);
}
