namespace Switchboard.AutoBan.Configuration;

/// <summary>A problem found in autoban.conf, with file:line; the setting keeps its default.</summary>
public readonly record struct ConfDiagnostic(string File, int Line, string Message)
{
    public string Where => $"{File}:{Line}";

    public override string ToString() => $"{Where}: {Message}";
}
