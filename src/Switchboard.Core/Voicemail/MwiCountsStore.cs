using Microsoft.Data.Sqlite;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Voicemail;

/// <summary>
/// The last MinivmMWI counts of each mailbox, kept in the PBX's SQLite state (the database that holds AstDB, in a
/// table of its own so <c>database show</c> lists only what the dialplan stored), so a SUBSCRIBE or a registering
/// phone after a restart hears the counts the dialplan last published instead of 0/0.
/// </summary>
public sealed class MwiCountsStore
{
    private readonly SqliteDatabase _db;

    public MwiCountsStore(SqliteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _db.Execute("CREATE TABLE IF NOT EXISTS mwi_counts(mailbox TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, urgent INTEGER NOT NULL, new INTEGER NOT NULL, old INTEGER NOT NULL);");
    }

    /// <summary>Stores the counts of <paramref name="mailbox"/>; false when the database refused (the counts stay in memory).</summary>
    public bool Save(string mailbox, MwiCounts counts)
    {
        try
        {
            _db.Execute(
                "INSERT OR REPLACE INTO mwi_counts(mailbox, urgent, new, old) VALUES($m, $u, $n, $o);",
                ("$m", mailbox),
                ("$u", counts.Urgent),
                ("$n", counts.New),
                ("$o", counts.Old));
            return true;
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Every stored mailbox with its counts.</summary>
    public IReadOnlyList<KeyValuePair<string, MwiCounts>> LoadAll()
        => _db.With(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT mailbox, urgent, new, old FROM mwi_counts;";
            using var r = cmd.ExecuteReader();
            var list = new List<KeyValuePair<string, MwiCounts>>();
            while (r.Read())
            {
                list.Add(new(r.GetString(0), new MwiCounts(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3))));
            }

            return list;
        });
}
