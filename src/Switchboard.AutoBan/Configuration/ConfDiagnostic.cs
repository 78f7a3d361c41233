namespace Switchboard.AutoBan.Configuration;

/// <summary>A problem found in autoban.conf, with file:line; the setting keeps its default.</summary>
public readonly record struct ConfDiagnostic(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
