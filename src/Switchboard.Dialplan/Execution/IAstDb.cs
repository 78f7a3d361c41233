namespace Switchboard.Dialplan.Execution;

/// <summary>Asterisk's database (family/key → value) behind DB(), DB_EXISTS(), DB_DELETE(). Core implements it on SQLite.</summary>
public interface IAstDb
{
    /// <summary>Reads a value.</summary>
    bool TryGet(string family, string key, out string value);

    /// <summary>Stores a value.</summary>
    void Put(string family, string key, string value);

    /// <summary>Deletes a value; false when absent.</summary>
    bool Delete(string family, string key);
}
