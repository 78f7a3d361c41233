using Switchboard.Dialplan.Execution;

namespace Switchboard.Core.Storage;

/// <summary>The dialplan's view of AstDB (DB(), AGI DATABASE commands) on the persistent SQLite <see cref="AstDatabase"/>.</summary>
public sealed class AstDatabaseStore(AstDatabase database) : IAstDb
{
    /// <inheritdoc />
    public bool TryGet(string family, string key, out string value)
    {
        var found = database.Get(family, key);
        value = found ?? string.Empty;
        return found is not null;
    }

    /// <inheritdoc />
    public void Put(string family, string key, string value) => database.Put(family, key, value);

    /// <inheritdoc />
    public bool Delete(string family, string key) => database.Delete(family, key);
}
