namespace Switchboard.Core.Pjsip.Location;

/// <summary>Stores contacts so registrations survive a restart.</summary>
public interface IContactPersistence
{
    /// <summary>Records the new contact set of an AOR (written behind; must not block).</summary>
    void MarkDirty(string aor, IReadOnlyList<ContactBinding> contacts);

    /// <summary>Loads every stored contact.</summary>
    IReadOnlyList<ContactBinding> LoadAll();

    /// <summary>Writes everything pending now.</summary>
    void Flush();
}
