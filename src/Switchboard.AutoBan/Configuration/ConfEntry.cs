namespace Switchboard.AutoBan.Configuration;

/// <summary>One <c>key = value</c> line of a .conf file with its section and position.</summary>
public readonly record struct ConfEntry(string Section, string Key, string Value, string File, int Line)
{
    public string Where => $"{File}:{Line}";
}
