namespace Switchboard.Manager.Seams;

/// <summary>Dialplan global variables (Getvar/Setvar without Channel). The dialplan supplies its store later.</summary>
public interface IGlobalVariables
{
    string? Get(string name);

    void Set(string name, string value);
}
