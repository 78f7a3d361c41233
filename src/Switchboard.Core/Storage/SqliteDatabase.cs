using Microsoft.Data.Sqlite;

namespace Switchboard.Core.Storage;

/// <summary>
/// One SQLite database file (WAL mode) with a single connection guarded by a lock. Used for AstDB (Asterisk's
/// <c>astdb</c> table) and the registrar's contacts; writes from the hot path are batched by their owners.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public SqliteDatabase(string path)
    {
        Path = path;
        var dir = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA busy_timeout=5000;");
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> with the connection, serialised with every other use.</summary>
    public T With<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> inside one transaction.</summary>
    public void InTransaction(Action<SqliteConnection, SqliteTransaction> work)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            work(_connection, tx);
            tx.Commit();
        }
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return cmd.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
